import Papa from "papaparse";

/**
 * CSV injection (OWASP): a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return is run as a formula by Excel, LibreOffice and Google Sheets. Every CSV the
 * dashboard writes puts a `'` in front of such a cell, which spreadsheets read as
 * "this is text", and the wizard takes it off again when the file comes back, so a
 * phone number written +61 4… returns as it left.
 *
 * papaparse's `escapeFormulae: true` tests /^[=+\-@\t\r].*$/, whose `.` stops at a line
 * break: a cell such as "=HYPERLINK(…)\nclick" would be written as it is. This pattern
 * looks at the first character only.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const APOSTROPHE = 39;

/**
 * Rows as the dashboard's CSV files are written: comma-separated with a byte-order mark
 * and CRLF, so Excel opens them with accents intact, and formula-looking cells neutralised.
 */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${csvLines(rows)}`;
}

/**
 * The same rows without the byte-order mark, for a file written a chunk at a time. Numbers
 * are written as numbers (a negative one is not a formula) and empty cells as nothing.
 */
export function csvLines(rows: readonly (readonly (string | number | null)[])[]): string {
  return Papa.unparse(rows as unknown[][], { newline: "\r\n", escapeFormulae: FORMULA_START });
}

/**
 * Undoes `writeCsv`'s neutralising, in place, for a file dropped into the wizard: only a
 * `'` followed by a formula character goes, so "'71 Holden" keeps its apostrophe.
 */
export function restoreFormulaCells(rows: string[][]): void {
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      const cell = row[i] as string;
      if (cell.charCodeAt(0) === APOSTROPHE && FORMULA_START.test(cell.charAt(1))) row[i] = cell.slice(1);
    }
  }
}

/**
 * A stored CSV of the dashboard's (written by a browser, so not to be trusted as
 * neutralised) written again with `writeCsv`. Cells already neutralised stay as they are.
 */
export function formulaSafeCsv(text: string): string {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  return writeCsv(Papa.parse<string[]>(body, { delimiter: "," }).data);
}
