import Link from "next/link";
import type { ReactNode } from "react";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTableExpandButton } from "@/components/data-table/data-table-expand-button";
import type { DataTableFeatures, DataTableRow } from "@/components/data-table/data-table-features";
import { customerLabel, latestSighting, monitoringWindowText } from "@/components/customers/customer-display";
import { customerHref, type CustomersSearch } from "@/components/customers/customers-search";
import { formatAud, formatDate, formatDateTime } from "@/lib/format";
import { isUnreadableCustomer, type Customer, type CustomerListEntry } from "@/lib/recapture/schemas";

const helper = createColumnHelper<DataTableFeatures, CustomerListEntry>();

/** A cell of a readable customer: the table draws a record that couldn't be read as one whole row instead. */
export function customerCell(
  render: (customer: Customer, row: DataTableRow<CustomerListEntry>) => ReactNode,
) {
  return ({ row }: { row: DataTableRow<CustomerListEntry> }) =>
    isUnreadableCustomer(row.original) ? null : render(row.original, row);
}

export const empty = <span className="text-slate-500">—</span>;

export interface CustomerColumnsOptions {
  timeZone: string;
  /** The table page on screen, carried to each customer's page so Back and Delete return to it. */
  from: CustomersSearch;
}

export function customerColumns({ timeZone, from }: CustomerColumnsOptions) {
  return helper.columns([
    helper.display({
      id: "expand",
      header: () => <span className="sr-only">Expand</span>,
      enableHiding: false,
      meta: { label: "Show sightings", className: "w-10 pr-0" },
      cell: customerCell((customer, row) =>
        row.getCanExpand() ? (
          <DataTableExpandButton row={row} label={`sightings of ${customerLabel(customer)}`} />
        ) : null,
      ),
    }),
    helper.display({
      id: "rego",
      header: "Rego",
      enableHiding: false,
      meta: { label: "Rego", className: "whitespace-nowrap", sticky: true },
      cell: customerCell((customer) => (
        <Link
          href={customerHref(customer.id, from)}
          // Up to 500 links per page: prefetching each customer's page would cost more than it saves.
          prefetch={false}
          className="font-semibold text-brand-700 underline-offset-2 hover:underline"
        >
          {customer.rego ?? <span className="font-normal italic">No rego</span>}
        </Link>
      )),
    }),
    helper.display({
      id: "state",
      header: "State",
      meta: { label: "State" },
      cell: customerCell((customer) => customer.state ?? empty),
    }),
    helper.display({
      id: "vin",
      header: "VIN",
      meta: { label: "VIN", className: "whitespace-nowrap" },
      cell: customerCell((customer) =>
        customer.vin ? <span className="font-mono text-xs leading-5">{customer.vin}</span> : empty,
      ),
    }),
    helper.display({
      id: "vehicle_title",
      header: "Vehicle",
      meta: { label: "Vehicle", className: "min-w-44" },
      cell: customerCell((customer) => customer.vehicle_title ?? empty),
    }),
    helper.display({
      id: "external_id",
      header: "External ID",
      meta: { label: "External ID", className: "whitespace-nowrap" },
      cell: customerCell((customer) => customer.external_id ?? empty),
    }),
    helper.display({
      id: "sale_date",
      header: "Sale date",
      meta: { label: "Sale date", className: "whitespace-nowrap tabular-nums" },
      cell: customerCell((customer) => (customer.sale_date ? formatDate(customer.sale_date) : empty)),
    }),
    helper.display({
      id: "monitoring",
      header: "Monitoring",
      meta: { label: "Monitoring window", className: "tabular-nums" },
      cell: customerCell((customer) => monitoringWindowText(customer) ?? empty),
    }),
    helper.display({
      id: "sightings",
      header: "Sightings",
      meta: { label: "Sightings", className: "whitespace-nowrap" },
      cell: customerCell(({ sightings }) => {
        const latest = latestSighting(sightings);
        if (!latest) return <span className="text-slate-500">None</span>;
        return (
          <span className="flex flex-col">
            <span className="font-medium">
              {sightings.length} {sightings.length === 1 ? "sighting" : "sightings"}
            </span>
            <span className="text-xs tabular-nums text-slate-600">
              Latest {formatDateTime(latest.at, timeZone)}
              {latest.listing_price !== null && ` · ${formatAud(latest.listing_price)}`}
            </span>
          </span>
        );
      }),
    }),
    helper.display({
      id: "last_updated",
      header: "Last updated",
      meta: { label: "Last updated", className: "whitespace-nowrap tabular-nums text-slate-600" },
      cell: customerCell((customer) => formatDateTime(customer.last_updated, timeZone)),
    }),
  ]);
}
