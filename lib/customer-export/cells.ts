import { fieldOfColumn } from "@/lib/customer-index/field-names";
import {
  additionalFieldText,
  latestSighting,
  monitoringWindowText,
} from "@/components/customers/customer-display";
import type { Customer } from "@/lib/recapture/schemas";
import {
  calendarDateCell,
  momentCells,
  type DateCell,
  type ExportCell,
} from "@/lib/spreadsheet-export/cells";
import { type CustomerColumn, type ExportColumn } from "./columns";

/**
 * A customer as a row of an export, cell by cell, the way the table shows it:
 * dates dd/mm/yyyy (with the time in the dealership's zone where the table
 * shows one), the monitoring window in words. The table's sightings cell
 * ("3 sightings, latest 02/03/2024 10:15 · $28,500") is three columns here:
 * the count, the latest sighting and its price in dollars, each one value a
 * spreadsheet can sort, filter and sum.
 */

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
