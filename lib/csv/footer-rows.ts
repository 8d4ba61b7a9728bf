// "2,004", "2004", "$1,250.50", "-3"
const NUMBER = String.raw`[-+]?\$?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const WHOLE_NUMBER = new RegExp(`^${NUMBER}$`);
// "Total deliveries: 2004", "Record count 2,004"
const LABEL_THEN_NUMBER = new RegExp(`^([^\\d]*[A-Za-z][^\\d]*?)[:\\s]\\s*(${NUMBER})$`);
// What a report's summary line says, so "John Smith, 123456" (a name and a plate) is never taken for one.
const SUMMARY_WORDS = /\b(?:total|totals|subtotal|sub-total|count|sum|records?|rows?|number of)\b/i;

function isSummaryLabel(label: string): boolean {
  const text = label.trim();
  return /[A-Za-z]/.test(text) && !/\d/.test(text) && (text.endsWith(":") || SUMMARY_WORDS.test(text));
}

/**
 * A report's total line, such as "Total deliveries: 2004": a row whose only non-empty
 * cells are a label and a number, in one cell or two, the label ending in a colon or
 * saying what it sums up. Such a row holds no customer; it is skipped and counted.
 */
export function isFooterRow(row: readonly string[]): boolean {
  let first: string | undefined;
  let second: string | undefined;
  for (const cell of row) {
    const value = cell.trim();
    if (value === "") continue;
    if (first === undefined) first = value;
    else if (second === undefined) second = value;
    else return false;
  }
  if (first === undefined) return false;
  if (second === undefined) {
    const match = LABEL_THEN_NUMBER.exec(first);
    return match !== null && isSummaryLabel(`${match[1]}${first.charAt((match[1] ?? "").length)}`);
  }
  return isSummaryLabel(first) && WHOLE_NUMBER.test(second);
}
