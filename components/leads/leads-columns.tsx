import { createColumnHelper } from "@tanstack/react-table";
import type { DataTableFeatures } from "@/components/data-table/data-table-features";
import { daysListedLabel, seenOn } from "@/lib/leads/lead-display";
import { LeadContact } from "@/components/leads/lead-contact";
import { LeadListingLink } from "@/components/leads/lead-listing-link";
import { LeadPrice } from "@/components/leads/lead-price";
import { ariaSortOf, LeadSortButton } from "@/components/leads/lead-sort-button";
import { LeadStatusBadge } from "@/components/leads/lead-status-badge";
import { LeadVehicleLink } from "@/components/leads/lead-vehicle-link";
import type { LeadSelection } from "@/components/leads/use-lead-selection";
import type { LeadListEntry, LeadSort } from "@/lib/leads/lead-list";
import type { LeadListSearch } from "@/lib/leads/lead-list-params";

const helper = createColumnHelper<DataTableFeatures, LeadListEntry>();

export interface LeadColumnsOptions {
  timeZone: string;
  now: Date;
  search: LeadListSearch;
  onSort: (sort: LeadSort) => void;
  selection: LeadSelection;
  /** The leads on this page, for "select all on this page". */
  pageKeys: number[];
}

export function leadColumns({ timeZone, now, search, onSort, selection, pageKeys }: LeadColumnsOptions) {
  const selectedOnPage = pageKeys.filter((key) => selection.has(key)).length;
  return helper.columns([
    helper.display({
      id: "select",
      header: () => (
        <input
          type="checkbox"
          aria-label="Select all leads on this page"
          className="size-4 accent-brand-600"
          checked={pageKeys.length > 0 && selectedOnPage === pageKeys.length}
          ref={(box) => {
            if (box) box.indeterminate = selectedOnPage > 0 && selectedOnPage < pageKeys.length;
          }}
          disabled={pageKeys.length === 0}
          onChange={(event) => selection.setMany(pageKeys, event.target.checked)}
        />
      ),
      enableHiding: false,
      meta: { label: "Select", className: "w-10 pr-0" },
      cell: ({ row }) => (
        <input
          type="checkbox"
          aria-label={`Select lead ${row.original.listingTitle ?? row.original.leadId}`}
          className="size-4 accent-brand-600"
          checked={selection.has(row.original.key)}
          onChange={(event) => selection.setMany([row.original.key], event.target.checked)}
        />
      ),
    }),
    helper.display({
      id: "seen",
      header: () => <LeadSortButton sort="first_seen" label="Seen" search={search} onSort={onSort} />,
      enableHiding: false,
      meta: { label: "Seen", className: "whitespace-nowrap", ariaSort: ariaSortOf("first_seen", search) },
      cell: ({ row }) => (
        <span className="flex flex-col tabular-nums">
          <span className="text-slate-900">{seenOn(row.original, timeZone)}</span>
          <span className="text-xs text-slate-600">{daysListedLabel(row.original, now)}</span>
        </span>
      ),
    }),
    helper.display({
      id: "vehicle",
      header: "Vehicle",
      enableHiding: false,
      meta: { label: "Vehicle", className: "min-w-40", sticky: true, rowHeader: true },
      cell: ({ row }) => <LeadVehicleLink lead={row.original} />,
    }),
    helper.display({
      id: "listing",
      header: "Listing",
      meta: { label: "Listing", className: "min-w-48" },
      cell: ({ row }) => <LeadListingLink lead={row.original} />,
    }),
    helper.display({
      id: "price",
      header: () => <LeadSortButton sort="price" label="Price" search={search} onSort={onSort} />,
      meta: { label: "Price", ariaSort: ariaSortOf("price", search) },
      cell: ({ row }) => <LeadPrice lead={row.original} />,
    }),
    helper.display({
      id: "seller",
      header: "Seller",
      meta: { label: "Seller" },
      cell: ({ row }) =>
        row.original.sellerType === "dealer"
          ? "Dealer"
          : row.original.sellerType === "private"
            ? "Private"
            : "—",
    }),
    helper.display({
      id: "customer",
      header: "Customer",
      meta: { label: "Customer", className: "min-w-36" },
      cell: ({ row }) => <LeadContact customer={row.original.customer} />,
    }),
    helper.display({
      id: "status",
      header: "Status",
      meta: { label: "Status" },
      cell: ({ row }) => <LeadStatusBadge status={row.original.status} />,
    }),
    helper.display({
      id: "assignee",
      header: "Assignee",
      meta: { label: "Assignee" },
      cell: ({ row }) => row.original.assignee?.name ?? <span className="text-slate-500">Nobody</span>,
    }),
  ]);
}
