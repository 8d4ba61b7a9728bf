import Papa from "papaparse";
import { CsvFileError } from "@/lib/csv/csv-file-error";
import { restoreFormulaCells } from "@/lib/csv/formulae";

export const DELIMITERS = [",", "\t", ";"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface ParsedCsv {
  /** Every record of the file, blank ones included, so index + 1 is the row number Excel shows. */
  rows: string[][];
  delimiter: Delimiter;
  /** Quoting mistakes, each naming its row; the rows are still read as well as they can be. */
  warnings: string[];
}

const MAX_WARNINGS = 20;

const QUOTE_WARNINGS: Record<string, string> = {
  MissingQuotes: "a quoted cell is never closed, so the rest of the file may have been read into that cell",
  InvalidQuotes: 'a quote inside a quoted cell is not doubled (""), so the cell may be cut short',
};

export function isBlankRow(row: readonly string[]): boolean {
  for (let i = 0; i < row.length; i++) {
    const cell = row[i] ?? "";
    if (cell !== "" && cell.trim() !== "") return false;
  }
  return true;
}

// Papaparse's own guess averages field counts over the first ten lines, so a title line
// or two above a narrow header can tip it to the wrong delimiter. Instead, each
// delimiter reads the first lines and the one giving the most rows of one shared width
// (two or more cells, the wider on a tie) wins; a file of one column stays comma-separated.
const DELIMITER_SAMPLE_ROWS = 30;
// Papaparse splits its whole input when it holds no quotes, even for a preview.
const DELIMITER_SAMPLE_CHARS = 64 * 1024;

function detectDelimiter(text: string): Delimiter {
  let best: Delimiter = ",";
  let bestRows = 0;
  let bestWidth = 1;
  const start = text.slice(0, DELIMITER_SAMPLE_CHARS);
  for (const delimiter of DELIMITERS) {
    const sample = Papa.parse<string[]>(start, {
      delimiter,
      preview: DELIMITER_SAMPLE_ROWS,
      skipEmptyLines: "greedy",
    }).data;
    const rowsByWidth = new Map<number, number>();
    for (const row of sample)
      if (row.length > 1) rowsByWidth.set(row.length, (rowsByWidth.get(row.length) ?? 0) + 1);
    for (const [width, rows] of rowsByWidth) {
      if (rows > bestRows || (rows === bestRows && width > bestWidth))
        [best, bestRows, bestWidth] = [delimiter, rows, width];
    }
  }
  return best;
}

/** Throws unless `rows` (of a file, or of a workbook's sheet) hold a header and a row below it. */
export function assertHasDataRows(rows: readonly (readonly string[])[], what = "This file"): void {
  let nonBlankRows = 0;
  for (const row of rows) if (!isBlankRow(row) && ++nonBlankRows === 2) return;
  if (nonBlankRows === 0)
    throw new CsvFileError("empty-file", `${what} is empty: there is nothing in it to upload.`);
  throw new CsvFileError(
    "no-data-rows",
    `${what} has only one row: there are no customers below the header.`,
  );
}

/** Splits decoded text into rows with papaparse, the delimiter being comma, tab or semicolon. */
export function parseCsvText(text: string): ParsedCsv {
  const delimiter = detectDelimiter(text);
  const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const rows = result.data;
  // A final line break leaves one empty record behind; it is not a row anyone sees.
  const last = rows[rows.length - 1];
  if (last && last.length === 1 && last[0] === "") rows.pop();
  // A file of rows not sent comes back: its formula-looking cells get their own values again.
  restoreFormulaCells(rows);
  assertHasDataRows(rows);

  const quoteErrors = result.errors.filter((error) => error.type === "Quotes");
  const warnings = quoteErrors
    .slice(0, MAX_WARNINGS)
    .map((error) => `Row ${(error.row ?? 0) + 1}: ${QUOTE_WARNINGS[error.code] ?? error.message}`);
  if (quoteErrors.length > MAX_WARNINGS)
    warnings.push(`…and ${quoteErrors.length - MAX_WARNINGS} more quoting mistakes`);

  return { rows, delimiter, warnings };
}
