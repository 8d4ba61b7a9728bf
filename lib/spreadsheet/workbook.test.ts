import { readFileSync } from "node:fs";
import * as XLSX from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import { CsvFileError } from "@/lib/csv";
import { openWorkbook, workbookFormat } from "@/lib/spreadsheet";

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../e2e/data/${name}`, import.meta.url)));

async function sheets(bytes: Uint8Array) {
  const book = await openWorkbook(bytes);
  return Promise.all(book.sheets.map(async (name, index) => ({ name, rows: await book.readSheet(index) })));
}

/** An .xlsx written part by part, to hold what Excel and other generators write that SheetJS's writer doesn't. */
function zipOf(parts: Record<string, string>): Uint8Array {
  const zip = XLSX.CFB.utils.cfb_new();
  for (const [path, xml] of Object.entries(parts))
    XLSX.CFB.utils.cfb_add(zip, path, new TextEncoder().encode(xml));
  return new Uint8Array(XLSX.CFB.write(zip, { fileType: "zip", type: "array", compression: true }));
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const TYPES = `${RELS}`;

function handWritten(
  sheetXml: string,
  options: { strings?: string; styles?: string; workbook?: string } = {},
) {
  return zipOf({
    "[Content_Types].xml": "<Types/>",
    "_rels/.rels": `<Relationships><Relationship Id="rId1" Type="${TYPES}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml":
      options.workbook ??
      `<workbook xmlns="${MAIN}" xmlns:r="${RELS}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="rId1" Type="${TYPES}/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${TYPES}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${TYPES}/styles" Target="styles.xml"/><Relationship Id="rId4" Type="${TYPES}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": sheetXml,
    "xl/sharedStrings.xml": options.strings ?? `<sst xmlns="${MAIN}"/>`,
    "xl/styles.xml": options.styles ?? `<styleSheet xmlns="${MAIN}"/>`,
  });
}

describe("workbookFormat", () => {
  it("tells workbooks by their first bytes, whatever the file is called", () => {
    expect(workbookFormat(fixture("delivery-report.xlsx"))).toBe("xlsx");
    expect(workbookFormat(fixture("legacy-export.xls"))).toBe("xls");
    expect(workbookFormat(fixture("password-protected.xlsx"))).toBe("xls");
    expect(workbookFormat(fixture("bom-crlf.csv"))).toBeUndefined();
  });
});

describe("openWorkbook on the e2e fixtures", () => {
  it("reads each sheet of an .xlsx with its cells as typed", async () => {
    const [deliveries, service] = await sheets(fixture("delivery-report.xlsx"));
    expect(deliveries?.name).toBe("Deliveries");
    expect(service?.name).toBe("Service");
    const rows = deliveries?.rows ?? [];
    expect(rows[3]).toEqual([
      "Stock No",
      "Customer No",
      "Customer Name",
      "Phone",
      "Rego",
      "State",
      "VIN",
      "Delivery Date",
      "Notes",
    ]);
    // Text stays text (leading zeros), a date cell is a date, a formula gives its cached value.
    expect(rows[4]?.slice(1, 4)).toEqual(["000451", "Harper Jones", "0412 345 678"]);
    expect(rows[7]?.[7]).toBe("2022-06-04");
    expect(rows[8]?.[4]).toBe("HJK120");
    // A bare serial in a General cell is a number, for the date column to read.
    expect(rows[9]?.[7]).toBe("44718");
    expect(rows[10]?.[8]).toBe("=SUM(A1)");
    expect(rows[11]).toEqual([]);
    expect(rows.at(-1)).toEqual(["Total deliveries: 12"]);
    expect(service?.rows[1]).toEqual(["SRV101", "VIC", "", "2022-05-03", "Grace Lee"]);
  });

  it("reads a legacy .xls", async () => {
    const [customers] = await sheets(fixture("legacy-export.xls"));
    expect(customers?.name).toBe("Customers");
    expect(customers?.rows[1]).toEqual(["000871", "XLS101", "VIC", "", "2022-06-15", "0412000111"]);
    expect(customers?.rows).toHaveLength(6);
  });

  it("gives an empty sheet no rows", async () => {
    expect(await sheets(fixture("empty-workbook.xlsx"))).toEqual([{ name: "Sheet1", rows: [] }]);
  });

  it.each([
    ["password-protected.xlsx", "password-protected", /protected with a password/],
    ["damaged.xlsx", "damaged-workbook", /damaged or incomplete/],
  ])("refuses %s and says what to do", async (name, problem, message) => {
    const opening = sheets(fixture(name));
    await expect(opening).rejects.toBeInstanceOf(CsvFileError);
    await expect(opening).rejects.toMatchObject({ problem, message: expect.stringMatching(message) });
  });

  it("refuses a zip that holds no workbook", async () => {
    await expect(sheets(zipOf({ "notes.txt": "hello" }))).rejects.toMatchObject({
      message: expect.stringMatching(/isn't an Excel workbook/),
    });
  });
});

describe("openWorkbook on hand-written .xlsx parts", () => {
  it("reads inline strings, rich text without its phonetic guide, escapes, booleans and errors", async () => {
    const strings = `<sst xmlns="${MAIN}"><si><t>Plain</t></si><si><r><t>Rich </t></r><r><rPr/><t xml:space="preserve">text</t></r><rPh><t>ふりがな</t></rPh></si><si><t>Line_x000D_break &amp; &#x41;</t></si><si/></sst>`;
    const sheet = `<worksheet xmlns="${MAIN}"><sheetData>
      <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>
      <row r="2"><c r="A2" t="inlineStr"><is><t>Inline</t></is></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#N/A</v></c><c r="E2" t="str"><f>A2&amp;"!"</f><v>Inline!</v></c></row>
      <row r="4" spans="1:2"><c r="B4" s="0"/><c r="C4"><v>0.30000000000000004</v></c></row>
    </sheetData></worksheet>`;
    const [data] = await sheets(handWritten(sheet, { strings }));
    expect(data?.rows).toEqual([
      ["Plain", "Rich text", "Line\rbreak & A"],
      ["Inline", "", "TRUE", "#N/A", "Inline!"],
      [],
      ["", "", "0.3"],
    ]);
  });

  it("reads elements written with a namespace prefix, and cells and rows without references", async () => {
    const sheet = `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>A</x:t></x:is></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c r="C2"><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const [data] = await sheets(handWritten(sheet));
    expect(data?.rows).toEqual([
      ["A", "2"],
      ["", "", "3"],
    ]);
  });

  it("reads dates by their cell's number format, in either date system, with times", async () => {
    const styles = `<styleSheet xmlns="${MAIN}"><numFmts><numFmt numFmtId="164" formatCode="d/mm/yyyy\\ h:mm"/><numFmt numFmtId="165" formatCode="&quot;Qty&quot;\\ 0"/><numFmt numFmtId="14" formatCode="0.00"/></numFmts><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="15"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/><xf numFmtId="20"/></cellXfs></styleSheet>`;
    const sheet = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" s="1"><v>44727</v></c><c r="B1" s="2"><v>44727.75</v></c><c r="C1" s="3"><v>44727</v></c><c r="D1" s="4"><v>44727</v></c><c r="E1" s="5"><v>0.5</v></c><c r="F1" t="d"><v>2022-06-15T00:00:00Z</v></c></row></sheetData></worksheet>`;
    const [data] = await sheets(handWritten(sheet, { styles }));
    expect(data?.rows[0]).toEqual(["2022-06-15", "2022-06-15 18:00", "44727", "44727", "0.5", "2022-06-15"]);

    const in1904 = `<workbook xmlns="${MAIN}" xmlns:r="${RELS}"><workbookPr date1904="1"/><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const [mac] = await sheets(handWritten(sheet, { styles, workbook: in1904 }));
    expect(mac?.rows[0]?.[0]).toBe("2026-06-16");
  });

  it("refuses references past Excel's last row or column rather than make millions of empty rows", async () => {
    for (const cell of [
      '<row r="2000000"><c r="A2000000"><v>1</v></c></row>',
      '<row r="1"><c r="ZZZZ1"><v>1</v></c></row>',
    ]) {
      await expect(
        sheets(handWritten(`<worksheet xmlns="${MAIN}"><sheetData>${cell}</sheetData></worksheet>`)),
      ).rejects.toMatchObject({
        problem: "damaged-workbook",
      });
    }
  });

  it("lists visible worksheets only", async () => {
    const workbook = `<workbook xmlns="${MAIN}" xmlns:r="${RELS}"><sheets><sheet name="Lookups" sheetId="2" state="hidden" r:id="rId1"/><sheet name="Chart" sheetId="3" r:id="rId4"/></sheets></workbook>`;
    const withHiddenOnly = await openWorkbook(handWritten(`<worksheet xmlns="${MAIN}"/>`, { workbook }));
    // Every sheet hidden: the hidden ones are shown rather than none at all.
    expect(withHiddenOnly.sheets).toEqual(["Lookups"]);
    const visible = `<workbook xmlns="${MAIN}" xmlns:r="${RELS}"><sheets><sheet name="Lookups" sheetId="2" state="veryHidden" r:id="rId1"/><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    expect(
      (await openWorkbook(handWritten(`<worksheet xmlns="${MAIN}"/>`, { workbook: visible }))).sheets,
    ).toEqual(["Data"]);
  });
});
