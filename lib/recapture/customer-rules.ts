/**
 * The rules the Recapture API puts on a customer (../shared/recapture-api.md), defined
 * once. The request schemas (forms, route handlers) and the CSV row check both apply
 * them, each in its own words: a form's message sits under the field to fix, a CSV
 * problem follows "Row 14, column …". Pure and allocation-free, since the row check
 * runs them on every row of a 100,000-row file.
 */

/** The API tracks a car by its rego or its VIN: a customer needs one of them. */
export function hasRegoOrVin(rego: string | null | undefined, vin: string | null | undefined): boolean {
  return Boolean(rego) || Boolean(vin);
}

const ISO_DATE_LENGTH = "yyyy-mm-dd".length;

/**
 * The monitoring window runs forwards: it may end on the day it starts, never before.
 * An open end (either date absent) is fine. Takes ISO dates or date-times; two plain
 * dates compare as text, which spares the CSV check a Date.parse per row.
 */
export function monitorWindowRunsForwards(
  start: string | null | undefined,
  end: string | null | undefined,
): boolean {
  if (!start || !end) return true;
  if (start.length === ISO_DATE_LENGTH && end.length === ISO_DATE_LENGTH) return end >= start;
  return !(Date.parse(end) < Date.parse(start));
}

/** What each rule says when it is broken: `field` under a form field, `row` after a CSV row's place. */
export const CUSTOMER_RULE_MESSAGES = {
  regoOrVin: {
    // The reference's wording first, so it matches what the API would say.
    field: "Missing required properties: enter a rego or a VIN",
    row: "needs a rego or a VIN",
  },
  monitorWindow: {
    field: "The monitoring end date must be on or after the start date",
    row: "the monitoring end date is before its start date",
  },
} as const;
