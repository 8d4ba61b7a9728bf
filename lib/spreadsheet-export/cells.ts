import { formatDateTime } from "@/lib/format";

/**
 * The cells of a spreadsheet export (customers, leads): text, numbers, nothing, and dates the
 * CSV writes as dd/mm/yyyy text and the workbook as date cells showing the same.
 */

/** A date the CSV writes as text and the workbook as a date cell showing the same. */
export interface DateCell {
  /** dd/mm/yyyy, or dd/mm/yyyy HH:mm */
  text: string;
  /** Days since 30/12/1899 (Excel's serial), the time as a fraction of the day. */
  serial: number;
  withTime: boolean;
}

export type ExportCell = string | number | DateCell | null;

const DAY_MS = 86_400_000;
const QUARTER_HOUR_MS = 15 * 60_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

const two = (value: number) => (value < 10 ? `0${value}` : String(value));

/** A wall-clock time (its fields read in UTC) as dd/mm/yyyy [HH:mm] and as Excel's serial. */
export function dateCell(wall: number, withTime: boolean): DateCell {
  const at = new Date(wall);
  const day = `${two(at.getUTCDate())}/${two(at.getUTCMonth() + 1)}/${at.getUTCFullYear()}`;
  return {
    text: withTime ? `${day} ${two(at.getUTCHours())}:${two(at.getUTCMinutes())}` : day,
    serial: (wall - EXCEL_EPOCH_MS) / DAY_MS,
    withTime,
  };
}

/** A calendar date (midnight UTC, as the API keeps them), read in UTC as formatDate reads it. */
export function calendarDateCell(iso: string): DateCell | string {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? iso : dateCell(Math.floor(at / DAY_MS) * DAY_MS, false);
}

/**
 * Moments as formatDateTime shows them, for many: Intl's time-zone arithmetic was most of an
 * export's time, and a zone's offset changes only on a quarter hour, so it is worked out once per
 * quarter hour seen (with formatDateTime) and the clock read off the moment plus that offset.
 */
export function momentCells(timeZone: string): (iso: string) => DateCell | string {
  const offsets = new Map<number, number>();
  return (iso) => {
    const at = Math.floor(Date.parse(iso) / 60_000) * 60_000;
    // Not a date after all: written as it came rather than as no date (or a broken workbook).
    if (Number.isNaN(at)) return iso;
    const quarter = Math.floor(at / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
    let offset = offsets.get(quarter);
    if (offset === undefined) {
      const [day, month, year, hour, minute] = formatDateTime(new Date(quarter).toISOString(), timeZone)
        .split(/[/ :]/)
        .map(Number) as [number, number, number, number, number];
      offset = Date.UTC(year, month - 1, day, hour, minute) - quarter;
      offsets.set(quarter, offset);
    }
    return dateCell(at + offset, true);
  };
}

/** A moment's day in the dealership's zone, dd/mm/yyyy, as a date cell without its time. */
export function dayCells(timeZone: string): (iso: string) => DateCell | string {
  const momentCell = momentCells(timeZone);
  return (iso) => {
    const cell = momentCell(iso);
    return typeof cell === "string"
      ? cell
      : { text: cell.text.slice(0, 10), serial: Math.floor(cell.serial), withTime: false };
  };
}
