/** Why a cell can't be used; the message names the value but not the row or column (the review adds those). */
export interface CellError {
  error: string;
  /** Which kind of mistake, when a normaliser tells kinds apart (see RowProblem's code). */
  code?: string;
}

/**
 * What a normaliser makes of one cell: the value to send (`""` when the cell is blank)
 * or an error that keeps the row from being sent. A plain string on success, so
 * normalising a million cells allocates nothing it doesn't keep.
 */
export type NormalisedCell = string | CellError;

// Exports fill cells they have no value for with these ("TBA" for a car not registered
// yet); they mean "nothing here", not a rego or VIN that is wrong.
const PLACEHOLDERS = new Set([
  "",
  "-",
  "--",
  "?",
  "N/A",
  "NA",
  "NIL",
  "NONE",
  "NULL",
  "TBA",
  "TBC",
  "UNKNOWN",
]);

/** For a value already trimmed and upper-cased, such as a clean rego. */
export function isPlaceholder(upperCaseValue: string): boolean {
  return PLACEHOLDERS.has(upperCaseValue);
}

export function isBlankCell(raw: string): boolean {
  return raw === "" || PLACEHOLDERS.has(raw.trim().toUpperCase());
}

/** `"31/02/2022"` with its quotes, cut short so a pasted paragraph doesn't flood a message. */
export function quoted(raw: string): string {
  const value = raw.trim();
  return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
}

/**
 * `cell.trim()`, without the call when both ends are printable ASCII other than a space,
 * as nearly every cell's are (trim only removes spaces, control and Unicode space characters).
 */
export function trimmed(cell: string | undefined): string | undefined {
  if (cell === undefined || cell === "") return cell;
  const first = cell.charCodeAt(0);
  const last = cell.charCodeAt(cell.length - 1);
  return first > 0x20 && first < 0x7f && last > 0x20 && last < 0x7f ? cell : cell.trim();
}
