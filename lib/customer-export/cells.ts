import { fieldOfColumn } from "@/lib/customer-index/field-names";
import {
  additionalFieldText,
  latestSighting,
  monitoringWindowText,
} from "@/components/customers/customer-display";
import { formatDateTime } from "@/lib/format";
import type { Customer } from "@/lib/recapture/schemas";
import { type CustomerColumn, type ExportColumn } from "./columns";

/**
 * A customer as a row of an export, cell by cell, the way the table shows it:
 * dates dd/mm/yyyy (with the time in the dealership's zone where the table
 * shows one), the monitoring window in words. The table's sightings cell
 * ("3 sightings, latest 02/03/2024 10:15 · $28,500") is three columns here:
 * the count, the latest sighting and its price in dollars, each one value a
 * spreadsheet can sort, filter and sum.
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

const HEADERS: Record<CustomerColumn, readonly string[]> = {
  rego: ["Rego"],
  state: ["State"],
  vin: ["VIN"],
  vehicle_title: ["Vehicle"],
  external_id: ["External ID"],
  sale_date: ["Sale date"],
  monitoring: ["Monitoring window"],
  sightings: ["Sightings", "Latest sighting", "Latest price (AUD)"],
  last_updated: ["Last updated"],
};

const DAY_MS = 86_400_000;
const QUARTER_HOUR_MS = 15 * 60_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

const two = (value: number) => (value < 10 ? `0${value}` : String(value));

/** A wall-clock time (its fields read in UTC) as dd/mm/yyyy [HH:mm] and as Excel's serial. */
function dateCell(wall: number, withTime: boolean): DateCell {
  const at = new Date(wall);
  const day = `${two(at.getUTCDate())}/${two(at.getUTCMonth() + 1)}/${at.getUTCFullYear()}`;
  return {
    text: withTime ? `${day} ${two(at.getUTCHours())}:${two(at.getUTCMinutes())}` : day,
    serial: (wall - EXCEL_EPOCH_MS) / DAY_MS,
    withTime,
  };
}

/** A calendar date (midnight UTC, as the API keeps them), read in UTC as formatDate reads it. */
function calendarDateCell(iso: string): DateCell | string {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? iso : dateCell(Math.floor(at / DAY_MS) * DAY_MS, false);
}

/**
 * Moments as formatDateTime shows them, for many: Intl's time-zone arithmetic was most of an
 * export's time, and a zone's offset changes only on a quarter hour, so it is worked out once per
 * quarter hour seen (with formatDateTime) and the clock read off the moment plus that offset.
 */
function momentCells(timeZone: string): (iso: string) => DateCell | string {
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

export function exportHeaders(columns: readonly ExportColumn[]): string[] {
  return columns.flatMap((column) => {
    const field = fieldOfColumn(column);
    return field !== undefined ? [field] : HEADERS[column as CustomerColumn];
  });
}

function customerCells(
  column: CustomerColumn,
  customer: Customer,
  momentCell: (iso: string) => DateCell | string,
): ExportCell[] {
  switch (column) {
    case "rego":
    case "state":
    case "vin":
    case "vehicle_title":
    case "external_id":
      return [customer[column]];
    case "sale_date":
      return [customer.sale_date ? calendarDateCell(customer.sale_date) : null];
    case "monitoring":
      // The table's non-breaking space keeps a narrow column tidy; a spreadsheet wants a plain one.
      return [monitoringWindowText(customer)?.replace(/\u00a0/g, " ") ?? null];
    case "sightings": {
      const latest = latestSighting(customer.sightings);
      return [
        customer.sightings.length,
        latest ? momentCell(latest.at) : null,
        latest?.listing_price ?? null,
      ];
    }
    case "last_updated":
      return [momentCell(customer.last_updated)];
  }
}

/** Writes customers as rows of `columns`, times in `timeZone`. */
export function exportRows(columns: readonly ExportColumn[], timeZone: string) {
  const momentCell = momentCells(timeZone);
  return (customer: Customer): ExportCell[] =>
    columns.flatMap((column) => {
      const field = fieldOfColumn(column);
      return field !== undefined
        ? [additionalFieldText(customer.additional_fields?.[field]) || null]
        : customerCells(column as CustomerColumn, customer, momentCell);
    });
}
