/**
 * Dates as the API speaks them: every date-time goes out as ISO with
 * milliseconds and `Z`; a date-only input means midnight UTC that day.
 */

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

export const INVALID_DATE = Symbol("invalid date");

/**
 * Reads an optional date input. Absent, `null` and `""` mean "no date";
 * anything that is not a real calendar date (2022-02-30, 15/06/2022) is invalid.
 */
export function parseApiDate(value: string | null | undefined): string | null | typeof INVALID_DATE {
  if (value === undefined || value === null) return null;
  const text = value.trim();
  if (text === "") return null;
  const parts = DATE_ONLY.exec(text) ?? DATE_TIME.exec(text);
  if (!parts) return INVALID_DATE;
  const [, year, month, day] = parts.map(Number) as [number, number, number, number];
  // Date.UTC rolls 2022-02-30 over into March; a real calendar date survives the round trip.
  const midnight = new Date(Date.UTC(year, month - 1, day));
  if (
    midnight.getUTCFullYear() !== year ||
    midnight.getUTCMonth() !== month - 1 ||
    midnight.getUTCDate() !== day
  ) {
    return INVALID_DATE;
  }
  if (DATE_ONLY.test(text)) return midnight.toISOString();
  const instant = Date.parse(text);
  return Number.isNaN(instant) ? INVALID_DATE : new Date(instant).toISOString();
}

export function isoAt(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
