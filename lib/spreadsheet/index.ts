/**
 * Excel workbooks (.xlsx and legacy .xls) read into rows of text for the upload
 * pipeline (lib/csv), which takes them from there as it takes a CSV file's rows.
 * Pure TypeScript apart from the platform's DecompressionStream; runs in the wizard's
 * Web Worker and in Node for tests and benchmarks.
 */
import { openXls } from "@/lib/spreadsheet/xls";
import { openXlsx } from "@/lib/spreadsheet/xlsx";
import type { Workbook } from "@/lib/spreadsheet/workbook";

export type { Workbook } from "@/lib/spreadsheet/workbook";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
// Microsoft's compound file: .xls, and also an .xlsx saved with a password.
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

/** Which reader a file's first bytes call for, whatever its name says; undefined for text. */
export function workbookFormat(bytes: Uint8Array): Workbook["format"] | undefined {
  if (startsWith(bytes, ZIP)) return "xlsx";
  if (startsWith(bytes, COMPOUND_FILE)) return "xls";
  return undefined;
}

/** Opens a workbook; throws a CsvFileError saying what to do when it is protected, damaged or not one. */
export function openWorkbook(bytes: Uint8Array): Promise<Workbook> {
  return workbookFormat(bytes) === "xls" ? openXls(bytes) : openXlsx(bytes);
}
