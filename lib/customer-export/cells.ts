import {
  additionalFieldText,
  latestSighting,
  monitoringWindowText,
} from "@/components/customers/customer-display";
import { formatDate, formatDateTime } from "@/lib/format";
import type { Customer } from "@/lib/recapture/schemas";
import { FIELD_COLUMN_PREFIX, type CustomerColumn, type ExportColumn } from "./columns";

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
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** The serial of a date as shown (dd/mm/yyyy [HH:mm]): the wall-clock time Excel shows back. */
function dateCell(text: string): DateCell {
  const [day, month, year, hour = 0, minute = 0] = text.split(/[/ :]/).map(Number) as number[];
  const utc = Date.UTC(year!, month! - 1, day!, hour, minute);
  return { text, serial: (utc - EXCEL_EPOCH_MS) / DAY_MS, withTime: text.includes(" ") };
}

export function exportHeaders(columns: readonly ExportColumn[]): string[] {
  return columns.flatMap((column) =>
    column.startsWith(FIELD_COLUMN_PREFIX)
      ? [column.slice(FIELD_COLUMN_PREFIX.length)]
      : HEADERS[column as CustomerColumn],
  );
}

function customerCells(column: CustomerColumn, customer: Customer, timeZone: string): ExportCell[] {
  switch (column) {
    case "rego":
    case "state":
    case "vin":
    case "vehicle_title":
    case "external_id":
      return [customer[column]];
    case "sale_date":
      return [customer.sale_date ? dateCell(formatDate(customer.sale_date)) : null];
    case "monitoring":
      // The table's non-breaking space keeps a narrow column tidy; a spreadsheet wants a plain one.
      return [monitoringWindowText(customer)?.replace(/\u00a0/g, " ") ?? null];
    case "sightings": {
      const latest = latestSighting(customer.sightings);
      return [
        customer.sightings.length,
        latest ? dateCell(formatDateTime(latest.at, timeZone)) : null,
        latest?.listing_price ?? null,
      ];
    }
    case "last_updated":
      return [dateCell(formatDateTime(customer.last_updated, timeZone))];
  }
}

export function exportRow(
  customer: Customer,
  columns: readonly ExportColumn[],
  timeZone: string,
): ExportCell[] {
  return columns.flatMap((column) =>
    column.startsWith(FIELD_COLUMN_PREFIX)
      ? [additionalFieldText(customer.additional_fields?.[column.slice(FIELD_COLUMN_PREFIX.length)]) || null]
      : customerCells(column as CustomerColumn, customer, timeZone),
  );
}
