import Link from "next/link";
import type { ReactNode } from "react";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTableExpandButton } from "@/components/data-table/data-table-expand-button";
import type { DataTableFeatures, DataTableRow } from "@/components/data-table/data-table-features";
import { customerLabel, latestSighting, monitoringWindowText } from "@/components/customers/customer-display";
import { ariaSortOf, customerHref } from "@/components/customers/customers-search";
import { CustomersSortHeader } from "@/components/customers/customers-sort-header";
import type { IndexSort } from "@/lib/customer-index/query";
import type { CustomerIndexSearch } from "@/lib/customer-index/query-params";
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
  from: CustomerIndexSearch;
  /** Set when the table can be sorted (answered from the index): a sortable column's header sorts by it. */
  onSort?: (sort: IndexSort) => void;
}

export function customerColumns({ timeZone, from, onSort }: CustomerColumnsOptions) {
  /** A column's header and `aria-sort`: a sort button when the table can be sorted by it, else its label. */
  const sortable = (label: string, sort: IndexSort) =>
    onSort
      ? {
          header: () => (
            <CustomersSortHeader
              label={label}
              sort={sort}
              direction={from.sort === sort ? from.direction : undefined}
              onSort={onSort}
            />
          ),
          ariaSort: ariaSortOf(from, sort),
        }
      : { header: label, ariaSort: undefined };
  const rego = sortable("Rego", "rego");
  const saleDate = sortable("Sale date", "sale_date");
  const sightings = sortable("Sightings", "newest_sighting");
  const lastUpdated = sortable("Last updated", "last_updated");

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
      header: rego.header,
      enableHiding: false,
      meta: { label: "Rego", className: "whitespace-nowrap", sticky: true, ariaSort: rego.ariaSort },
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
      header: saleDate.header,
      meta: { label: "Sale date", className: "whitespace-nowrap tabular-nums", ariaSort: saleDate.ariaSort },
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
      header: sightings.header,
      meta: { label: "Sightings", className: "whitespace-nowrap", ariaSort: sightings.ariaSort },
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
      header: lastUpdated.header,
      meta: {
        label: "Last updated",
        className: "whitespace-nowrap tabular-nums text-slate-600",
        ariaSort: lastUpdated.ariaSort,
      },
      cell: customerCell((customer) => formatDateTime(customer.last_updated, timeZone)),
    }),
  ]);
}
