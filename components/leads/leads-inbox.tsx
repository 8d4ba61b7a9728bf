"use client";

import { toast } from "sonner";
import { useQuery } from "@tanstack/react-query";
import { functionalUpdate, useTable, type PaginationState, type Updater } from "@tanstack/react-table";
import { useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { dataTableFeatures } from "@/components/data-table/data-table-features";
import { ExportMenu } from "@/components/data-table/export-menu";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { nextTablePage, toPaginationState } from "@/components/data-table/table-page";
import { LeadCards } from "@/components/leads/lead-cards";
import { LeadBulkActions } from "@/components/leads/lead-bulk-actions";
import { LeadSelectionBar } from "@/components/leads/lead-selection-bar";
import { leadColumns } from "@/components/leads/leads-columns";
import { LeadsFilters, type LeadAssigneeOption } from "@/components/leads/leads-filters";
import { useLeadSelection } from "@/components/leads/use-lead-selection";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { formatCount, formatQuantity } from "@/lib/format";
import { leadsExportHref } from "@/lib/leads/lead-export";
import type { LeadListEntry, LeadSort } from "@/lib/leads/lead-list";
import {
  defaultLeadDirection,
  isLeadListFiltered,
  leadListSearchString,
  parseLeadListSearch,
  type LeadListSearch,
} from "@/lib/leads/lead-list-params";
import { leadQueries } from "@/lib/queries/leads";

export interface LeadsInboxProps {
  timeZone: string;
  /** The people leads can be assigned to, for the assignee filter. */
  people: readonly LeadAssigneeOption[];
  /** Staff and up work leads: they get the actions on the selected leads (the server checks each lead again). */
  canWork: boolean;
  /** Managers and admins allocate leads to anyone. */
  canAssign: boolean;
}

const NO_LEADS: LeadListEntry[] = [];

/** Each search gets its own history entry, so Back steps through them as people expect. */
function showSearch(search: LeadListSearch) {
  window.history.pushState(null, "", `/leads${leadListSearchString(search)}`);
}

/** A filter changed: back to the first page, keeping the page size. */
function refine(next: LeadListSearch): LeadListSearch {
  return { ...next, page: 1 };
}

/** The Export menu's first line: every matching lead goes in the file, not only the page on screen. */
function exportNote(total: number | undefined): string {
  if (total === undefined) return "Exports every lead that matches.";
  if (total === 0) return "No leads match, so there is nothing to export.";
  if (total === 1) return "Exports the 1 lead that matches.";
  return `Exports all ${formatCount(total)} leads that match.`;
}

export function LeadsInbox({ timeZone, people, canWork, canAssign }: LeadsInboxProps) {
  const searchParams = useSearchParams();
  const search = useMemo(() => parseLeadListSearch(searchParams), [searchParams]);
  const query = useQuery(leadQueries.list(search));
  const leads = query.data?.leads ?? NO_LEADS;
  const [now] = useState(() => new Date());
  const selection = useLeadSelection();

  // Another question is another list: what was ticked in the last one is not in view any more.
  const asked = leadListSearchString({ ...search, page: 1 });
  const [selectedFor, setSelectedFor] = useState(asked);
  if (selectedFor !== asked) {
    setSelectedFor(asked);
    selection.clear();
  }

  function sortBy(sort: LeadSort) {
    const direction =
      search.sort === sort ? (search.direction === "asc" ? "desc" : "asc") : defaultLeadDirection(sort);
    showSearch({ ...search, sort, direction, page: 1 });
  }

  const pageKeys = useMemo(() => leads.map((lead) => lead.key), [leads]);
  const columns = useMemo(
    () => leadColumns({ timeZone, now, search, onSort: sortBy, selection, pageKeys }),
    // sortBy reads only `search`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [timeZone, now, search, selection, pageKeys],
  );
  const pagination = useMemo(() => toPaginationState({ page: search.page, size: search.pageSize }), [search]);
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: leads,
    getRowId: (lead) => String(lead.key),
    manualPagination: true,
    rowCount: query.data?.total ?? 0,
    autoResetPageIndex: false,
    state: { pagination },
    onPaginationChange: (updater: Updater<PaginationState>) => {
      const next = nextTablePage(
        { page: search.page, size: search.pageSize },
        functionalUpdate(updater, pagination),
      );
      showSearch({ ...search, page: next.page, pageSize: next.size });
    },
  });

  const filtered = isLeadListFiltered(search);
  const clearFilters = () =>
    showSearch({ sort: search.sort, direction: search.direction, page: 1, pageSize: search.pageSize });
  const empty = filtered ? (
    <EmptyState
      title="No leads match"
      description="Try fewer filters, or a different search."
      action={
        <Button variant="secondary" onClick={clearFilters}>
          Clear filters
        </Button>
      }
    />
  ) : (
    <EmptyState
      title="No leads yet"
      description="A lead appears here when a past customer's car is seen for sale."
    />
  );

  return (
    <section aria-label="Leads inbox" className="flex flex-col gap-3">
      <LeadsFilters
        search={search}
        people={people}
        timeZone={timeZone}
        onChange={(next) => showSearch(refine(next))}
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm font-medium text-slate-800" aria-live="polite" data-testid="leads-total">
          {query.data && formatQuantity(query.data.total, filtered ? "matching lead" : "lead")}
        </p>
        <div className="flex items-center gap-2">
          {filtered && (
            <Button variant="ghost" size="sm" onClick={clearFilters}>
              Clear filters
            </Button>
          )}
          <ExportMenu
            disabled={!query.data}
            note={exportNote(query.data?.total)}
            exportHref={query.data?.total ? (format) => leadsExportHref(search, format) : undefined}
          />
        </div>
      </div>
      {query.isError ? (
        <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <ErrorState
            title="Couldn't load leads"
            message={query.error.message}
            onRetry={() => void query.refetch()}
            retrying={query.isFetching}
          />
        </div>
      ) : (
        <>
          <div className="hidden lg:block">
            <DataTable
              table={table}
              caption="Leads"
              loadingLabel={query.isPending ? "Loading leads…" : undefined}
              busy={query.isPlaceholderData}
              empty={empty}
            />
          </div>
          <div className="lg:hidden">
            {query.isPending ? (
              <div role="status" aria-label="Loading leads…" className="flex flex-col gap-3">
                {Array.from({ length: 4 }, (_, index) => (
                  <Skeleton key={index} className="h-40 w-full rounded-lg" />
                ))}
              </div>
            ) : leads.length === 0 ? (
              <div className="rounded-lg border border-slate-200 bg-white shadow-sm">{empty}</div>
            ) : (
              <LeadCards
                leads={leads}
                timeZone={timeZone}
                now={now}
                selection={selection}
                busy={query.isPlaceholderData}
              />
            )}
          </div>
          {!query.isPending && <DataTablePagination table={table} itemLabel="leads" />}
        </>
      )}
      <LeadSelectionBar selection={selection}>
        {canWork && (
          <LeadBulkActions
            selectedKeys={selection.keys}
            canAssign={canAssign}
            onDone={({ summary, changed }) => {
              toast(summary);
              selection.setMany(changed, false);
            }}
          />
        )}
      </LeadSelectionBar>
    </section>
  );
}
