import { matchRecaptureField } from "@/lib/csv/column-mapping";

// Report titles, dealer names and print dates sit in the first few lines if at all.
const HEADER_SEARCH_ROWS = 30;

function filledCells(row: readonly string[]): number {
  let filled = 0;
  for (const cell of row) if (cell.trim() !== "") filled++;
  return filled;
}

/**
 * The index of the header row: the first row naming two Recapture fields (or one in a
 * one-column file), else the first row with as many filled cells as most rows have.
 * Excel pads a title line with empty cells to the full width, hence filled cells,
 * not cells, are counted.
 */
export function detectHeaderRow(rows: readonly (readonly string[])[]): number {
  const candidates = rows.slice(0, HEADER_SEARCH_ROWS);
  const filled = candidates.map(filledCells);

  const named = candidates.findIndex((row, i) => {
    const fields = row.reduce((count, cell) => (matchRecaptureField(cell) ? count + 1 : count), 0);
    return fields >= Math.min(2, filled[i] ?? 0) && fields > 0;
  });
  if (named !== -1) return named;

  const rowsByFilled = new Map<number, number>();
  for (const count of filled) if (count > 0) rowsByFilled.set(count, (rowsByFilled.get(count) ?? 0) + 1);
  let usualWidth = 1;
  let usualRows = 0;
  for (const [width, count] of rowsByFilled) {
    if (count > usualRows || (count === usualRows && width > usualWidth))
      [usualWidth, usualRows] = [width, count];
  }
  return Math.max(
    0,
    filled.findIndex((count) => count >= usualWidth),
  );
}
