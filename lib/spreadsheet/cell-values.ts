import { isoFromExcelSerial } from "@/lib/csv/dates";

/**
 * Turns Excel's typed cells into the text the upload pipeline reads, keeping what the
 * type says: a date cell becomes yyyy-mm-dd (never a locale's d/m/yy that loses the
 * century or swaps day and month), a number its digits, a text cell stays as written
 * (so a phone number or rego stored as text keeps its leading zero).
 */

// Excel's built-in number formats that show a date (ids 14–17 and 22, and the East Asian
// date formats 27–36 and 50–58); 18–21 and 45–47 show only a time of day.
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, ...range(27, 36), ...range(50, 58)]);

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

export function isBuiltInDateFormat(id: number): boolean {
  return BUILT_IN_DATE_FORMATS.has(id);
}

// Quoted text, backslash-escaped characters and [bracketed] colours, conditions and locales
// say nothing about dates.
const LITERALS = /"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g;

/**
 * Whether a custom number format shows a date: it has a day or year, or months without
 * hours or seconds ("mmm yyyy"; "h:mm" is a time).
 */
export function isDateFormatCode(code: string): boolean {
  const bare = code.replace(LITERALS, "");
  if (/[dy]/i.test(bare)) return true;
  return /m/i.test(bare) && !/[hs]/i.test(bare);
}

const DAYS_FROM_1900_TO_1904_SYSTEM = 1462;

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/**
 * A date cell as yyyy-mm-dd, with hh:mm (and :ss) when it holds a time of day too;
 * undefined when the serial is no date (before 1900, or a bare time).
 */
export function excelDateText(serial: number, date1904: boolean): string | undefined {
  let days = Math.floor(serial);
  let seconds = Math.round((serial - days) * 86_400);
  if (seconds === 86_400) {
    days++;
    seconds = 0;
  }
  const date = isoFromExcelSerial(date1904 ? days + DAYS_FROM_1900_TO_1904_SYSTEM : days);
  if (date === undefined) return undefined;
  if (seconds === 0) return date;
  const time = `${twoDigits(Math.floor(seconds / 3600))}:${twoDigits(Math.floor(seconds / 60) % 60)}`;
  return seconds % 60 === 0 ? `${date} ${time}` : `${date} ${time}:${twoDigits(seconds % 60)}`;
}

/**
 * A number cell's digits: Excel keeps 15 significant digits, so the binary noise past them
 * goes (0.30000000000000004 is 0.3), and a whole number is never written with an exponent
 * below 10^21.
 */
export function excelNumberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(15)));
}
