/**
 * What a normaliser makes of one cell: the value to send (`""` when the cell is
 * blank), optionally with a warning, or an error that keeps the row from being sent.
 * Messages name the value but not the row or column; the review adds those.
 */
export type NormalisedCell = { value: string; warning?: string } | { error: string };

export const BLANK: NormalisedCell = { value: "" };

// Exports fill cells they have no value for with these; they mean "nothing here",
// not a rego or VIN that is wrong.
const PLACEHOLDERS = new Set(["", "-", "--", "?", "n/a", "na", "nil", "none", "null", "tba", "tbc", "unknown"]);

export function isBlankCell(raw: string): boolean {
  return raw === "" || PLACEHOLDERS.has(raw.trim().toLowerCase());
}

/** `"31/02/2022"` with its quotes, cut short so a pasted paragraph doesn't flood a message. */
export function quoted(raw: string): string {
  const value = raw.trim();
  return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
}
