import { isBlankCell, quoted } from "@/lib/csv/cell";

/** How a date column is written; `dmy` is the Australian default. */
export const DATE_FORMATS = ["dmy", "ymd", "mdy", "excel"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export const DATE_FORMAT_LABELS: Record<DateFormat, string> = {
  dmy: "dd/mm/yyyy",
  ymd: "yyyy-mm-dd",
  mdy: "mm/dd/yyyy",
  excel: "Excel serial number",
};

// Exports often carry a time of day after the date ("15/06/2022 0:00", ISO date-times);
// it is dropped and the date kept as written, without moving it between time zones.
const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s?(?:[AaPp][Mm])?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const NUMERIC_DAY_OR_MONTH_FIRST = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})${TIME}$`);
const MONTH_NAME_SECOND = /^(\d{1,2})[\s/.-]([A-Za-z]{3,9})\.?[\s/.,-]+(\d{4}|\d{2})$/;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})${TIME}$`);
const SERIAL = /^\d{1,5}(?:\.\d+)?$/;

const MONTHS_BY_NAME = new Map(
  ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map((name, i) => [
    name,
    i + 1,
  ]),
);
const LONG_MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "june",
  "july",
  "august",
  "september",
  "sept",
  "october",
  "november",
  "december",
];
for (const name of LONG_MONTH_NAMES) MONTHS_BY_NAME.set(name, MONTHS_BY_NAME.get(name.slice(0, 3)) ?? 0);

// Two-digit years: 00–49 are 2000–2049 and 50–99 are 1950–1999, so "1/7/22" is 2022
// and a monitor end date such as "30/6/35" stays in this century.
const TWO_DIGIT_YEAR_PIVOT = 50;
const FIRST_YEAR = 1900;
const LAST_YEAR = 2099;
// The last day Excel serials are read for (31/12/2099), keeping plain numbers out.
const LAST_SERIAL = 73050;
// Excel's 1900 date system counts 29/02/1900, a day that never was (serial 60).
const EXCEL_FAKE_LEAP_DAY = 60;
const DAYS_FROM_1899_12_30_TO_1970_01_01 = 25569;

const SLASH = 0x2f;
const DOT = 0x2e;
const DASH = 0x2d;
const ZERO = 0x30;

// Reused by every read, so reading a million dates allocates nothing but the ISO strings,
// and those only once per distinct day (a dealer's file repeats its sale days).
let year = 0;
let month = 0;
let day = 0;
// Indexed by (year - 1900) * 372 + (month - 1) * 31 + day - 1; built packed, as writing
// far into an empty array would turn it into a slow dictionary.
const isoByDay = Array.from<string | undefined>({ length: (LAST_YEAR - FIRST_YEAR + 1) * 372 });

function fullYear(value: number, digits: number): number {
  if (digits > 2) return value;
  return value < TWO_DIGIT_YEAR_PIVOT ? 2000 + value : 1900 + value;
}

/**
 * The common shapes without a regex: three numbers joined by one repeated "/", "." or
 * "-" and nothing after ("15/06/2022", "1/7/22", "2022-06-15"). Anything else, times
 * and month names included, is left to the patterns.
 */
function readPlainNumbers(value: string, format: "dmy" | "mdy" | "ymd"): boolean {
  const length = value.length;
  let position = 0;
  let separator = 0;
  let a = 0;
  let b = 0;
  let c = 0;
  let yearDigits = 0;
  for (let part = 0; part < 3; part++) {
    const start = position;
    let number = 0;
    for (; position < length; position++) {
      const digit = value.charCodeAt(position) - ZERO;
      if (digit < 0 || digit > 9) break;
      number = number * 10 + digit;
    }
    const digits = position - start;
    const isYear = format === "ymd" ? part === 0 : part === 2;
    if (isYear ? digits !== 4 && (format === "ymd" || digits !== 2) : digits < 1 || digits > 2) return false;
    if (part === 0) a = number;
    else if (part === 1) b = number;
    else c = number;
    if (isYear) yearDigits = digits;
    if (part === 2) break;
    const next = value.charCodeAt(position++);
    if (part === 0 && (next === SLASH || next === DOT || next === DASH)) separator = next;
    else if (next !== separator) return false;
  }
  if (position !== length) return false;
  if (format === "ymd") {
    year = a;
    month = b;
    day = c;
  } else {
    year = fullYear(c, yearDigits);
    day = format === "dmy" ? a : b;
    month = format === "dmy" ? b : a;
  }
  return true;
}

/** Sets year, month and day from `value` when it has the shape of `format`; says whether it had. */
function readDateParts(value: string, format: DateFormat): boolean {
  switch (format) {
    case "dmy":
    case "mdy": {
      if (readPlainNumbers(value, format)) return true;
      const numeric = NUMERIC_DAY_OR_MONTH_FIRST.exec(value);
      if (numeric) {
        const first = Number(numeric[1]);
        const second = Number(numeric[3]);
        day = format === "dmy" ? first : second;
        month = format === "dmy" ? second : first;
        year = fullYear(Number(numeric[4]), numeric[4]?.length ?? 0);
        return true;
      }
      const named = format === "dmy" ? MONTH_NAME_SECOND.exec(value) : null;
      if (!named) return false;
      const monthNumber = MONTHS_BY_NAME.get((named[2] ?? "").toLowerCase());
      if (monthNumber === undefined) return false;
      day = Number(named[1]);
      month = monthNumber;
      year = fullYear(Number(named[3]), named[3]?.length ?? 0);
      return true;
    }
    case "ymd": {
      if (readPlainNumbers(value, format)) return true;
      const match = YEAR_FIRST.exec(value);
      if (!match) return false;
      year = Number(match[1]);
      month = Number(match[3]);
      day = Number(match[4]);
      return true;
    }
    case "excel":
      if (!SERIAL.test(value)) return false;
      readExcelSerial(Math.floor(Number(value)));
      return true;
  }
}

function readExcelSerial(serial: number) {
  if (serial < 1 || serial > LAST_SERIAL || serial === EXCEL_FAKE_LEAP_DAY) {
    year = month = day = 0;
    return;
  }
  // Serials before the fake leap day are one day off from a true day count.
  const days = serial - DAYS_FROM_1899_12_30_TO_1970_01_01 + (serial < EXCEL_FAKE_LEAP_DAY ? 1 : 0);
  // Days since 1970-01-01 to a civil date (Howard Hinnant's civil_from_days).
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function partsAreARealDate(): boolean {
  return (
    year >= FIRST_YEAR &&
    year <= LAST_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Only called for a real date, so the index stays within the table. */
function isoFromParts(): string {
  const index = (year - FIRST_YEAR) * 372 + (month - 1) * 31 + (day - 1);
  return (isoByDay[index] ??= `${year}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`);
}

/** The date as `yyyy-mm-dd`, or undefined when `value` is not a real date written in `format`. */
export function parseDate(value: string, format: DateFormat): string | undefined {
  return readDateParts(value.trim(), format) && partsAreARealDate() ? isoFromParts() : undefined;
}

/** The day an Excel serial number stands for (its time of day dropped), as `yyyy-mm-dd`. */
export function isoFromExcelSerial(serial: number): string | undefined {
  readExcelSerial(Math.floor(serial));
  return partsAreARealDate() ? isoFromParts() : undefined;
}

/**
 * The years whose Excel serials a day-first or month-first column also takes. A plain
 * number in a date column is an Excel date that lost its format only when it lands in a
 * dealer's working years; 12345 (1933) is a stock or customer number typed in the wrong place.
 */
export interface SerialYears {
  first: number;
  last: number;
}

export const FIRST_SERIAL_YEAR = 1980;

export function serialYearsFrom(today: Date): SerialYears {
  return { first: FIRST_SERIAL_YEAR, last: today.getFullYear() + 1 };
}

const THIS_YEARS_SERIALS = serialYearsFrom(new Date());

/**
 * Values that a day-first or month-first column reads although they aren't written that
 * way, because they can be read only one way: yyyy-mm-dd (a year never comes first in
 * either) and Excel serials of recent years. Sets year, month and day; says whether it did.
 */
function readUnambiguousDateParts(value: string, serialYears: SerialYears): boolean {
  if (readDateParts(value, "ymd")) return true;
  if (!SERIAL.test(value)) return false;
  readExcelSerial(Math.floor(Number(value)));
  return year >= serialYears.first && year <= serialYears.last;
}

/** How a date column's value was read: as the column's own format, or as one that reads one way only. */
function readColumnDateParts(value: string, format: DateFormat, serialYears: SerialYears): boolean {
  if (readDateParts(value, format)) return true;
  return (format === "dmy" || format === "mdy") && readUnambiguousDateParts(value, serialYears);
}

/**
 * The date as `yyyy-mm-dd` when a column set to `format` can read `value`: written in that
 * format, or (for dd/mm/yyyy and mm/dd/yyyy) as yyyy-mm-dd or a recent Excel serial.
 */
export function readColumnDate(
  value: string,
  format: DateFormat,
  serialYears: SerialYears = THIS_YEARS_SERIALS,
): string | undefined {
  return readColumnDateParts(value.trim(), format, serialYears) && partsAreARealDate()
    ? isoFromParts()
    : undefined;
}

/** Why a date cell can't be used: written in no form its column reads, or a day that never was. */
export type DateProblem = "unreadable-date" | "not-a-real-date";

export interface DateError {
  error: string;
  code: DateProblem;
}

/** The date as `yyyy-mm-dd` (`""` when blank), or why it can't be read (see readColumnDate). */
export function normaliseDate(
  raw: string,
  format: DateFormat,
  serialYears: SerialYears = THIS_YEARS_SERIALS,
): string | DateError {
  if (readColumnDateParts(raw.trim(), format, serialYears)) {
    return partsAreARealDate()
      ? isoFromParts()
      : { error: `${quoted(raw)} is not a real date`, code: "not-a-real-date" };
  }
  if (isBlankCell(raw)) return "";
  return {
    error: `${quoted(raw)} is not a date written as ${DATE_FORMAT_LABELS[format]}`,
    code: "unreadable-date",
  };
}

function fitting(values: Iterable<string>, reads: (value: string, format: DateFormat) => boolean) {
  let formats: DateFormat[] = [...DATE_FORMATS];
  for (const value of values) {
    const reading = DATE_FORMATS.filter((format) => reads(value, format));
    if (reading.length === 0) continue;
    formats = formats.filter((format) => reading.includes(format));
    if (formats.length === 0) break;
  }
  return formats;
}

/**
 * The formats that read every date in `values`, most likely first. A value no format can
 * read (a blank, "N/A", an impossible 31/02/2022) says nothing about the column's format,
 * so it is left out rather than ruling out every format when the column needs one most.
 * Formats are first tried strictly, so a column written only yyyy-mm-dd fits yyyy-mm-dd
 * alone; when none fits so, a column mixing dd/mm/yyyy with yyyy-mm-dd or Excel serials
 * fits dd/mm/yyyy, which reads them all (readColumnDate). More than one format means the
 * column is ambiguous (all days 12 or less) and the person should choose; none means its
 * dates are written in ways no one format reads.
 */
export function fittingDateFormats(
  values: readonly string[],
  serialYears: SerialYears = THIS_YEARS_SERIALS,
): DateFormat[] {
  const strictly = fitting(values, (value, format) => parseDate(value, format) !== undefined);
  if (strictly.length > 0) return strictly;
  return fitting(values, (value, format) => readColumnDate(value, format, serialYears) !== undefined);
}

/**
 * How the values of a column are written, for the mapping step to say what a date format
 * will make of them. A day-first date with a day of 12 or less counts as month-first too.
 */
export interface DateTally {
  /** Values that aren't blank. */
  values: number;
  dayFirst: number;
  monthFirst: number;
  yearFirst: number;
  /** Excel serials of any year up to 2099, and of the years a day- or month-first column reads. */
  serial: number;
  recentSerial: number;
}

export function tallyDates(
  values: Iterable<string>,
  serialYears: SerialYears = THIS_YEARS_SERIALS,
): DateTally {
  const tally: DateTally = {
    values: 0,
    dayFirst: 0,
    monthFirst: 0,
    yearFirst: 0,
    serial: 0,
    recentSerial: 0,
  };
  for (const raw of values) {
    if (isBlankCell(raw)) continue;
    const value = raw.trim();
    tally.values++;
    if (parseDate(value, "dmy")) tally.dayFirst++;
    if (parseDate(value, "mdy")) tally.monthFirst++;
    if (parseDate(value, "ymd")) tally.yearFirst++;
    else if (parseDate(value, "excel")) {
      tally.serial++;
      if (year >= serialYears.first && year <= serialYears.last) tally.recentSerial++;
    }
  }
  return tally;
}

/** How many values of a tallied column a format reads, and how many of those in another form. */
export function tallyReads(
  tally: DateTally,
  format: DateFormat,
): { own: number; yearFirst: number; serial: number } {
  switch (format) {
    case "dmy":
    case "mdy":
      return {
        own: format === "dmy" ? tally.dayFirst : tally.monthFirst,
        yearFirst: tally.yearFirst,
        serial: tally.recentSerial,
      };
    case "ymd":
      return { own: tally.yearFirst, yearFirst: 0, serial: 0 };
    case "excel":
      return { own: tally.serial, yearFirst: 0, serial: 0 };
  }
}
