import type { ExportCell } from "@/lib/spreadsheet-export/cells";
import { csvLines } from "@/lib/csv/formulae";
import type { SheetWriter } from "./sheet-writer";

const encoder = new TextEncoder();
const CRLF = "\r\n";

const text = (cell: ExportCell) => (cell !== null && typeof cell === "object" ? cell.text : cell);

/**
 * The export as the dashboard's other CSV files are written (lib/csv/formulae.ts): UTF-8 with
 * a byte-order mark so Excel reads accents, RFC 4180 quoting, formula-looking cells neutralised.
 */
export function csvSheet(): SheetWriter {
  return {
    start: (headers) => [encoder.encode(`\uFEFF${csvLines([headers])}${CRLF}`)],
    rows: (rows) =>
      rows.length === 0 ? [] : [encoder.encode(`${csvLines(rows.map((row) => row.map(text)))}${CRLF}`)],
    end: () => [],
  };
}
