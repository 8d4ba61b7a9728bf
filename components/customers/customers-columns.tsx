import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTableExpandButton } from "@/components/data-table/data-table-expand-button";
import type { DataTableFeatures } from "@/components/data-table/data-table-features";
import { customerLabel, latestSighting, monitoringWindowText } from "@/components/customers/customer-display";
import { customerHref, type CustomersSearch } from "@/components/customers/customers-search";
import { formatAud, formatDate, formatDateTime } from "@/lib/format";
import type { Customer } from "@/lib/recapture/schemas";

const helper = createColumnHelper<DataTableFeatures, Customer>();

const empty = <span className="text-slate-500">—</span>;

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
      cell: ({ row }) =>
        row.getCanExpand() ? (
          <DataTableExpandButton row={row} label={`sightings of ${customerLabel(row.original)}`} />
        ) : null,
    }),
    helper.accessor("rego", {
      header: "Rego",
      enableHiding: false,
      meta: { label: "Rego", className: "whitespace-nowrap", sticky: true },
      cell: ({ row }) => (
        <Link
          href={customerHref(row.original.id, from)}
          // Up to 500 links per page: prefetching each customer's page would cost more than it saves.
          prefetch={false}
          className="font-semibold text-brand-700 underline-offset-2 hover:underline"
        >
          {row.original.rego ?? <span className="font-normal italic">No rego</span>}
        </Link>
      ),
    }),
    helper.accessor("state", {
      header: "State",
      meta: { label: "State" },
      cell: ({ getValue }) => getValue() ?? empty,
    }),
    helper.accessor("vin", {
      header: "VIN",
      meta: { label: "VIN", className: "whitespace-nowrap" },
      cell: ({ getValue }) => {
        const vin = getValue();
        return vin ? <span className="font-mono text-xs leading-5">{vin}</span> : empty;
      },
    }),
    helper.accessor("vehicle_title", {
      header: "Vehicle",
      meta: { label: "Vehicle", className: "min-w-44" },
      cell: ({ getValue }) => getValue() ?? empty,
    }),
    helper.accessor("external_id", {
      header: "External ID",
      meta: { label: "External ID", className: "whitespace-nowrap" },
      cell: ({ getValue }) => getValue() ?? empty,
    }),
    helper.accessor("sale_date", {
      header: "Sale date",
      meta: { label: "Sale date", className: "whitespace-nowrap tabular-nums" },
      cell: ({ getValue }) => {
        const value = getValue();
        return value ? formatDate(value) : empty;
      },
    }),
    helper.display({
      id: "monitoring",
      header: "Monitoring",
      meta: { label: "Monitoring window", className: "tabular-nums" },
      cell: ({ row }) => monitoringWindowText(row.original) ?? empty,
    }),
    helper.display({
      id: "sightings",
      header: "Sightings",
      meta: { label: "Sightings", className: "whitespace-nowrap" },
      cell: ({ row }) => {
        const { sightings } = row.original;
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
      },
    }),
    helper.accessor("last_updated", {
      header: "Last updated",
      meta: { label: "Last updated", className: "whitespace-nowrap tabular-nums text-slate-600" },
      cell: ({ getValue }) => formatDateTime(getValue(), timeZone),
    }),
  ]);
}
