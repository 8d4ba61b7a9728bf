/**
 * Writes the Excel fixtures of this folder (`npx tsx e2e/data/generate-workbooks.ts`) with
 * SheetJS, as a dealer system's export would be: typed cells (text, numbers, dates with a
 * date format, formulas with their cached values), title lines, a blank line and a total
 * line. README.md says what is in each file and how it should count.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as XLSX from "@e965/xlsx";

type Cell = XLSX.CellObject | string | undefined;

const text = (value: string): XLSX.CellObject => ({ t: "s", v: value });
/** An Excel date cell: its serial number, shown as dd/mm/yyyy as an Australian Excel would. */
const date = (day: number, month: number, year: number): XLSX.CellObject => ({
  t: "n",
  v: (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000,
  z: "dd/mm/yyyy",
});
/** A number in a General cell: an Excel date that lost its format on the way through a report. */
const serial = (day: number, month: number, year: number): XLSX.CellObject => ({
  t: "n",
  v: (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000,
});
const formula = (f: string, cached: string): XLSX.CellObject => ({ t: "s", v: cached, f });

function sheet(rows: readonly (readonly Cell[])[]): XLSX.WorkSheet {
  const worksheet: XLSX.WorkSheet = {};
  let width = 0;
  rows.forEach((row, r) => {
    width = Math.max(width, row.length);
    row.forEach((cell, c) => {
      if (cell === undefined || cell === "") return;
      worksheet[XLSX.utils.encode_cell({ r, c })] = typeof cell === "string" ? text(cell) : cell;
    });
  });
  if (width > 0)
    worksheet["!ref"] = XLSX.utils.encode_range({
      s: { r: 0, c: 0 },
      e: { r: rows.length - 1, c: width - 1 },
    });
  return worksheet;
}

function workbook(sheets: Record<string, readonly (readonly Cell[])[]>): XLSX.WorkBook {
  const book = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) XLSX.utils.book_append_sheet(book, sheet(rows), name);
  return book;
}

const VIN_SOLD_TWICE = "JTMBFREV00D012345";

// A dealer system's delivery report, as issue 17 found one: title lines, Delivery Date mostly
// d/m/yyyy text but also yyyy-mm-dd text, an Excel date cell and a bare Excel serial, a
// blank line, a car delivered twice, and a total line at the foot.
const deliveries: Cell[][] = [
  ["Smith Motors Group – Delivery report"],
  ["All branches, 01/01/2021 to 30/06/2022"],
  [],
  ["Stock No", "Customer No", "Customer Name", "Phone", "Rego", "State", "VIN", "Delivery Date", "Notes"],
  ["S1001", "000451", "Harper Jones", "0412 345 678", "1DX4RT", "VIC", VIN_SOLD_TWICE, "01/03/2021", ""],
  ["S1002", "000452", "Lucas Walker", "0413222111", "ZZT990", "NSW", "", "2/06/2022", ""],
  ["S1003", "000453", "Ava Robinson", "0414999000", "QWE321", "SA", "", "2022-06-03", ""],
  ["S1004", "000454", "Oliver Wright", "0415123456", "PLM456", "WA", "", date(4, 6, 2022), ""],
  [
    "S1005",
    "000455",
    "Sophie Hall",
    "0416777888",
    formula('UPPER("hjk120")', "HJK120"),
    "ACT",
    "",
    "2022-06-05",
    "",
  ],
  ["S1006", "000456", "Henry Young", "0417000111", "UIO789", "QLD", "", serial(6, 6, 2022), ""],
  ["S1007", "000457", "Ruby King", "0418555444", "TAS007", "TAS", "", "7/06/2022", "=SUM(A1)"],
  [],
  ["S1008", "000458", "Leo Scott", "0419444333", "NTX888", "NT", "", "2022-06-08", ""],
  ["S1009", "000459", "Evie Green", "0420111222", "BNE55X", "QLD", "", "13/06/2022", ""],
  ["S1010", "000460", "Max Adams", "0421333222", "VIC010", "VIC", "", date(10, 6, 2022), ""],
  ["S1011", "000461", "Isla Martin", "0422000333", "ABC011", "NSW", "", "2022-06-11", ""],
  ["S1012", "000462", "Noah Taylor", "0423000444", "", "", VIN_SOLD_TWICE, "2022-06-12", "Traded back in"],
  [`Total deliveries: 12`],
];

const service: Cell[][] = [
  ["Rego", "State", "VIN", "Last Service", "Customer"],
  ["SRV101", "VIC", "", date(3, 5, 2022), "Grace Lee"],
  ["SRV102", "NSW", "", date(4, 5, 2022), "Jack Wilson"],
  ["SRV103", "QLD", "", date(5, 5, 2022), "Mia Williams"],
  ["", "", "", date(6, 5, 2022), "No car on file"],
];

const legacy: Cell[][] = [
  ["Customer No", "Rego No.", "State", "VIN", "Date Sold", "Phone"],
  ["000871", "XLS101", "VIC", "", date(15, 6, 2022), "0412000111"],
  ["000872", "XLS102", "NSW", "", date(16, 6, 2022), "0412000222"],
  ["000873", "XLS103", "Victorai", "", date(17, 6, 2022), "0412000333"],
  ["000874", "", "", "WVWZZZ1KZAW654321", date(18, 6, 2022), "0412000444"],
  ["000875", "XLS105", "QLD", "", date(19, 6, 2022), "0412000555"],
];

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const xlsx = (book: XLSX.WorkBook) =>
  new Uint8Array(XLSX.write(book, { type: "array", bookType: "xlsx", bookSST: true, compression: true }));

writeFileSync(here("delivery-report.xlsx"), xlsx(workbook({ Deliveries: deliveries, Service: service })));
writeFileSync(
  here("legacy-export.xls"),
  new Uint8Array(XLSX.write(workbook({ Customers: legacy }), { type: "array", bookType: "biff8" })),
);
writeFileSync(here("empty-workbook.xlsx"), xlsx(workbook({ Sheet1: [] })));
// A damaged download: the first half of a workbook.
const whole = xlsx(workbook({ Customers: legacy }));
writeFileSync(here("damaged.xlsx"), whole.subarray(0, Math.floor(whole.length / 2)));
// What Excel saves when a workbook is given a password: the encrypted package inside a compound file.
const encrypted = XLSX.CFB.utils.cfb_new();
XLSX.CFB.utils.cfb_add(encrypted, "EncryptionInfo", new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]));
XLSX.CFB.utils.cfb_add(encrypted, "EncryptedPackage", new Uint8Array(64).fill(0x5a));
writeFileSync(here("password-protected.xlsx"), new Uint8Array(XLSX.CFB.write(encrypted, { type: "array" })));
