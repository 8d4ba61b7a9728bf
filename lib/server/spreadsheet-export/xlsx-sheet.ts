import { Zip, ZipDeflate } from "fflate";
import type { ExportCell } from "@/lib/spreadsheet-export/cells";
import type { SheetWriter } from "./sheet-writer";

/**
 * The export as an Excel workbook, one sheet, written as it goes: fflate's streaming zip
 * deflates the sheet's XML a chunk of rows at a time, so no part of the file is held whole.
 * Text is written inline in each cell (no shared-strings table to build first), and a text
 * cell is only ever text: a value like =HYPERLINK(…) shows as written, never runs. The header
 * row is bold and frozen; dates are date cells shown dd/mm/yyyy, so they sort as dates.
 */

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// Styles by their index in styles.xml's cellXfs.
const BOLD = 1;
const DATE = 2;
const DATE_TIME = 3;

const PARTS: Record<string, string> = {
  "[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
  "_rels/.rels": `<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"><Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  "xl/workbook.xml": `<workbook xmlns="${NS}" xmlns:r="${RELATIONSHIPS}"><sheets><sheet name="Customers" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  "xl/_rels/workbook.xml.rels": `<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"><Relationship Id="rId1" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/></Relationships>`,
  "xl/styles.xml": `<styleSheet xmlns="${NS}"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy hh:mm"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
};

const SHEET_START = `${XML_HEAD}<worksheet xmlns="${NS}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>`;
const SHEET_END = "</sheetData></worksheet>";

// XML 1.0 has no place for most control characters, even escaped: they are left out.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const XML_SPECIAL = /[&<>"]/g;
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

// Excel refuses (offering to "repair" the file) a cell holding more characters than this.
const MAX_CELL_TEXT = 32_767;

function escapeXml(text: string): string {
  return text
    .slice(0, MAX_CELL_TEXT)
    .replace(NOT_XML, "")
    .replace(XML_SPECIAL, (special) => ENTITIES[special]!);
}

/** A, B, … Z, AA, AB: the column letters of a cell reference. */
export function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function cellXml(reference: string, cell: ExportCell, style?: number): string {
  if (cell === null || cell === "") return "";
  const styled = style === undefined ? "" : ` s="${style}"`;
  if (typeof cell === "number") return `<c r="${reference}"${styled}><v>${cell}</v></c>`;
  if (typeof cell === "object")
    return `<c r="${reference}" s="${cell.withTime ? DATE_TIME : DATE}"><v>${cell.serial}</v></c>`;
  return `<c r="${reference}" t="inlineStr"${styled}><is><t xml:space="preserve">${escapeXml(cell)}</t></is></c>`;
}

export function xlsxSheet(): SheetWriter {
  const encoder = new TextEncoder();
  let output: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    output.push(chunk);
  });
  const take = () => {
    const taken = output;
    output = [];
    return taken;
  };
  const sheet = new ZipDeflate("xl/worksheets/sheet1.xml", { level: 6 });
  let letters: string[] = [];
  let rowNumber = 0;
  const rowXml = (cells: readonly ExportCell[], style?: number) => {
    rowNumber += 1;
    let xml = `<row r="${rowNumber}">`;
    for (let i = 0; i < cells.length; i++) xml += cellXml(`${letters[i]}${rowNumber}`, cells[i]!, style);
    return `${xml}</row>`;
  };

  return {
    start(headers) {
      for (const [name, xml] of Object.entries(PARTS)) {
        const part = new ZipDeflate(name, { level: 6 });
        zip.add(part);
        part.push(encoder.encode(XML_HEAD + xml), true);
      }
      zip.add(sheet);
      letters = headers.map((_, i) => columnLetters(i));
      sheet.push(encoder.encode(SHEET_START + rowXml(headers, BOLD)));
      return take();
    },
    rows(rows) {
      let xml = "";
      for (const row of rows) xml += rowXml(row);
      sheet.push(encoder.encode(xml));
      return take();
    },
    end() {
      sheet.push(encoder.encode(SHEET_END), true);
      zip.end();
      return take();
    },
  };
}
