import type { CellObject, WorkBook } from "@e965/xlsx";
import { excelDateText, excelNumberText, isDateFormatCode } from "@/lib/spreadsheet/cell-values";
import type { Workbook } from "@/lib/spreadsheet/workbook";
import { damagedWorkbook, passwordProtected } from "@/lib/spreadsheet/workbook-errors";

/**
 * Reads legacy .xls workbooks (Excel 97–2003, BIFF8, and older BIFF) with SheetJS, the one
 * maintained JavaScript reader of that format (see the README on the choice). Loaded only
 * when an .xls is dropped, so the worker doesn't carry it for CSV and .xlsx files.
 */

// The streams an encrypted .xlsx is stored in: Office wraps it in the same container as an .xls.
const ENCRYPTED_STREAMS = ["EncryptionInfo", "EncryptedPackage"];

function cellText(cell: CellObject | undefined, date1904: boolean): string {
  if (!cell || cell.v === undefined || cell.v === null) return "";
  switch (cell.t) {
    case "s":
      return String(cell.v);
    case "b":
      return cell.v ? "TRUE" : "FALSE";
    case "e":
      return cell.w ?? "#N/A";
    case "n": {
      const number = Number(cell.v);
      if (cell.z !== undefined && isDateFormatCode(String(cell.z)))
        return excelDateText(number, date1904) ?? excelNumberText(number);
      return excelNumberText(number);
    }
    default:
      return String(cell.v);
  }
}

export async function openXls(bytes: Uint8Array): Promise<Workbook> {
  const XLSX = await import("@e965/xlsx");
  let container: { FileIndex: { name: string }[] };
  try {
    container = XLSX.CFB.read(bytes, { type: "array" });
  } catch {
    throw damagedWorkbook();
  }
  if (container.FileIndex.some(({ name }) => ENCRYPTED_STREAMS.includes(name))) throw passwordProtected();

  let book: WorkBook;
  try {
    book = XLSX.read(bytes, {
      type: "array",
      dense: true,
      cellNF: true,
      cellText: false,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      bookVBA: false,
    });
  } catch (error) {
    throw error instanceof Error && /password/i.test(error.message) ? passwordProtected() : damagedWorkbook();
  }
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
  const sheets = book.SheetNames.map((name, index) => ({
    name,
    sheet: book.Sheets[name],
    hidden: (book.Workbook?.Sheets?.[index]?.Hidden ?? 0) !== 0,
  })).filter(({ sheet }) => sheet !== undefined && sheet["!type"] !== "chart");
  const shown = sheets.some((sheet) => !sheet.hidden) ? sheets.filter((sheet) => !sheet.hidden) : sheets;

  return {
    format: "xls",
    sheets: shown.map(({ name }) => name),
    async readSheet(index) {
      const found = shown[index];
      if (!found) throw new RangeError(`No sheet ${index}`);
      const data = (found.sheet?.["!data"] ?? []) as (CellObject[] | undefined)[];
      return Array.from(data, (row) => {
        const cells = Array.from(row ?? [], (cell) => cellText(cell, date1904));
        while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
        return cells;
      });
    },
  };
}
