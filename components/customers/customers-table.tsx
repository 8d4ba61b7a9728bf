"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import {
  useTable,
  type ExpandedState,
  type PaginationState,
  type Updater,
  functionalUpdate,
  type ColumnVisibilityState,
} from "@tanstack/react-table";
import { useEffect, useMemo, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableColumnMenu } from "@/components/data-table/data-table-column-menu";
import { dataTableFeatures } from "@/components/data-table/data-table-features";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { nextTablePage, toPaginationState } from "@/components/data-table/table-page";
import { useColumnVisibility } from "@/components/data-table/use-column-visibility";
import { useRenderMeasure } from "@/components/data-table/use-render-measure";
import { Button } from "@/components/ui/button";
import { buttonStyles } from "@/components/ui/button-styles";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { useAdditionalFieldColumns } from "@/components/customers/additional-field-columns";
import { customerLabel } from "@/components/customers/customer-display";
import { CustomerSightings } from "@/components/customers/customer-sightings";
import { customerColumns } from "@/components/customers/customers-columns";
import { CustomersFilters } from "@/components/customers/customers-filters";
import {
  customersHref,
  narrowedTo,
  sortAnnouncement,
  sortedBy,
  toListParams,
  toTablePage,
  withoutFilters,
  type CustomerFilters,
} from "@/components/customers/customers-search";
import { CustomersSearchBox } from "@/components/customers/customers-search-box";
import { CustomersUploadFilter } from "@/components/customers/customers-upload-filter";
import { ExportCustomersMenu } from "@/components/customers/export-customers-menu";
import { UnreadableCustomerNotice } from "@/components/customers/unreadable-customer-notice";
import type { IndexStatus } from "@/lib/customer-index/index-status";
import {
  isFiltered,
  parseCustomerIndexSearch,
  type CustomerIndexSearch,
} from "@/lib/customer-index/query-params";
import { formatCount, formatQuantity } from "@/lib/format";
import { customerIndexQueries } from "@/lib/queries/customer-index";
import { customerQueries, isIndexNotReady, useCustomersBeingDeleted } from "@/lib/queries/customers";
import { isUnreadableCustomer, type CustomerListEntry } from "@/lib/recapture/schemas";

export interface CustomersTableProps {
  timeZone: string;
  canCreate: boolean;
  /** The person's saved column choices as the page was served. */
  savedColumns: ColumnVisibilityState | null;
  /** As the server read it while rendering the page: whether the table can be answered from the index yet. */
  initialIndexStatus: IndexStatus;
}

const NO_CUSTOMERS: CustomerListEntry[] = [];

/** Each filter, sort and page gets its own history entry, so Back steps through them as people expect. */
function showSearch(search: CustomerIndexSearch) {
  window.history.pushState(null, "", customersHref(search));
}

/** While typing, the URL follows the search without a history entry per pause. */
function replaceSearch(search: CustomerIndexSearch) {
  window.history.replaceState(null, "", customersHref(search));
}

function filtersOf(search: CustomerIndexSearch): CustomerFilters {
  const { hasSightings, sightingWithinDays, state, uploadId, sellerType, monitoring } = search;
  return { hasSightings, sightingWithinDays, state, uploadId, sellerType, monitoring };
}

/**
 * The customers table. Once the customer index has had its first complete pass, each page is
 * answered from it, with search, filters and sorting; until then it pages the API live, by
 * upload only, and says why the rest isn't there yet.
 */
export function CustomersTable({
  timeZone,
  canCreate,
  savedColumns,
  initialIndexStatus,
}: CustomersTableProps) {
  const searchParams = useSearchParams();
  const search = useMemo(() => parseCustomerIndexSearch(searchParams), [searchParams]);
  const { data: indexStatus = initialIndexStatus } = useQuery({
    ...customerIndexQueries.status(),
    initialData: initialIndexStatus,
  });
  const indexPage = useQuery({ ...customerQueries.indexList(search), enabled: indexStatus.ready });
  // The status said ready, but the index disagrees (another region, a reset database): page live.
  const indexNotReady = isIndexNotReady(indexPage.error);
  const fromIndex = indexStatus.ready && !indexNotReady;
  const livePage = useQuery({ ...customerQueries.list(toListParams(search)), enabled: !fromIndex });
  const query: UseQueryResult<{ total: number; customers: CustomerListEntry[] }> = fromIndex
    ? indexPage
    : livePage;

  const beingDeleted = useCustomersBeingDeleted();
  // A customer whose delete waits out its undo time is gone from view already, and back on Undo.
  const customers = useMemo(
    () => query.data?.customers.filter((entry) => !entry.id || !beingDeleted.has(entry.id)) ?? NO_CUSTOMERS,
    [query.data, beingDeleted],
  );
  const total = query.data && query.data.total - (query.data.customers.length - customers.length);
  const fieldColumns = useAdditionalFieldColumns();
  const [columnVisibility, setColumnVisibility] = useColumnVisibility("customers-table:columns", {
    initial: savedColumns,
    hiddenByDefault: fieldColumns.hiddenByDefault,
  });
  const [expanded, setExpanded] = useState<ExpandedState>({});
  const columns = useMemo(
    () => [
      ...customerColumns({
        timeZone,
        from: search,
        ...(fromIndex ? { onSort: (sort) => showSearch(sortedBy(search, sort)) } : {}),
      }),
      ...fieldColumns.columns,
    ],
    [timeZone, search, fromIndex, fieldColumns],
  );
  const pagination = useMemo(() => toPaginationState(toTablePage(search)), [search]);

  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: customers,
    getRowId: (entry, index) => entry.id ?? `unreadable-${index}`,
    getRowCanExpand: (row) => !isUnreadableCustomer(row.original) && row.original.sightings.length > 0,
    manualPagination: true,
    rowCount: total ?? 0,
    // The URL owns the page, and an edit refetching the page must not close open rows.
    autoResetPageIndex: false,
    autoResetExpanded: false,
    state: { pagination, columnVisibility, expanded },
    onPaginationChange: (updater: Updater<PaginationState>) => {
      const { page, size } = nextTablePage(toTablePage(search), functionalUpdate(updater, pagination));
      showSearch({ ...search, page, pageSize: size });
    },
    onColumnVisibilityChange: setColumnVisibility,
    onExpandedChange: setExpanded,
  });

  useRenderMeasure("customers-table:render", query.isPlaceholderData ? undefined : query.dataUpdatedAt);

  // A delete elsewhere can leave a page past the end: go to the last page that exists.
  const pageEmpty = query.data?.customers.length === 0 && !query.isPlaceholderData;
  useEffect(() => {
    if (pageEmpty && total && search.page > 1) {
      replaceSearch({ ...search, page: Math.ceil(total / search.pageSize) });
    }
  }, [pageEmpty, total, search]);

  const filtered = fromIndex && isFiltered(search);
  const narrow = (change: Partial<CustomerFilters>) => showSearch(narrowedTo(search, change));
  const clearFilters = () => showSearch(withoutFilters(search));
  // Before the index is ready only the upload applies: choosing one starts from every other filter cleared.
  const filterByUpload = (uploadId: string | undefined) =>
    showSearch({ ...withoutFilters(search), ...(uploadId ? { uploadId } : {}) });

  return (
    <section aria-label="Customers" className="flex flex-col gap-3">
      {fromIndex ? (
        <>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <CustomersSearchBox
              value={search.search}
              onSearch={(text, how) =>
                (how === "now" ? showSearch : replaceSearch)(narrowedTo(search, { search: text }))
              }
            />
            <div className="flex gap-2">
              <ExportCustomersMenu
                search={search}
                columns={table.getVisibleLeafColumns().map((column) => column.id)}
                disabled={query.isPending}
                total={total}
              />
              <DataTableColumnMenu table={table} />
            </div>
          </div>
          <CustomersFilters
            filters={filtersOf(search)}
            timeZone={timeZone}
            onChange={narrow}
            onClear={filtered ? clearFilters : undefined}
          />
        </>
      ) : (
        <>
          <p className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
            Search, filters and sorting arrive once every customer is indexed. Until then the table pages
            through the customers as the Recapture API lists them, oldest first.
          </p>
          <div className="flex flex-wrap items-start justify-between gap-3">
            <CustomersUploadFilter uploadId={search.uploadId} timeZone={timeZone} onChange={filterByUpload} />
            <DataTableColumnMenu table={table} />
          </div>
        </>
      )}
      {fromIndex && (
        <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 text-sm">
          <p aria-live="polite" className="font-medium text-slate-800">
            {total !== undefined &&
              (filtered
                ? `${formatCount(total)} ${total === 1 ? "customer matches" : "customers match"}`
                : formatQuantity(total, "customer"))}
          </p>
          <p aria-live="polite" className="text-slate-600">
            {sortAnnouncement(search)}
          </p>
        </div>
      )}
      {query.isError && !indexNotReady ? (
        <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <ErrorState
            title="Couldn't load customers"
            message={query.error.message}
            onRetry={() => void query.refetch()}
            retrying={query.isFetching}
          />
        </div>
      ) : (
        <>
          <DataTable
            table={table}
            caption="Customers"
            loadingLabel={query.isPending ? "Loading customers…" : undefined}
            busy={query.isPlaceholderData}
            renderExpanded={({ original: customer }) =>
              isUnreadableCustomer(customer) ? null : (
                <div className="max-w-4xl sm:pl-10">
                  <CustomerSightings
                    sightings={customer.sightings}
                    caption={`Sightings of ${customerLabel(customer)}`}
                    timeZone={timeZone}
                  />
                </div>
              )
            }
            renderWholeRow={({ original: entry }) =>
              isUnreadableCustomer(entry) ? <UnreadableCustomerNotice customer={entry} /> : undefined
            }
            empty={
              filtered ? (
                <EmptyState
                  title="No customers match"
                  description={
                    search.uploadId
                      ? "The upload may still be processing, or every row was refused. Try fewer filters, or clear them."
                      : "Try another search or fewer filters, or clear them."
                  }
                  action={
                    <Button variant="secondary" onClick={clearFilters}>
                      Clear filters
                    </Button>
                  }
                />
              ) : search.uploadId ? (
                <EmptyState
                  title="No customers in this upload"
                  description="It may still be processing, or every row was refused. Check the upload's progress, or show all customers."
                  action={
                    <Button variant="secondary" onClick={() => filterByUpload(undefined)}>
                      Show all customers
                    </Button>
                  }
                />
              ) : (
                <EmptyState
                  title="No customers yet"
                  description="Customers appear here once an upload has been processed."
                  action={
                    canCreate && (
                      <Link href="/uploads/new" className={buttonStyles()}>
                        Upload customers
                      </Link>
                    )
                  }
                />
              )
            }
          />
          {!query.isPending && <DataTablePagination table={table} itemLabel="customers" />}
        </>
      )}
    </section>
  );
}
