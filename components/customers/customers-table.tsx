"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import {
  useTable,
  type ExpandedState,
  type PaginationState,
  type Updater,
  functionalUpdate,
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
import { customerLabel } from "@/components/customers/customer-display";
import { CustomerSightings } from "@/components/customers/customer-sightings";
import { customerColumns } from "@/components/customers/customers-columns";
import {
  customersHref,
  parseCustomersSearch,
  toListParams,
  type CustomersSearch,
} from "@/components/customers/customers-search";
import { CustomersUploadFilter } from "@/components/customers/customers-upload-filter";
import { ExportCustomersMenu } from "@/components/customers/export-customers-menu";
import { parseCustomerIndexSearch } from "@/lib/customer-index/query-params";
import { UnreadableCustomerNotice } from "@/components/customers/unreadable-customer-notice";
import { customerQueries, useCustomersBeingDeleted } from "@/lib/queries/customers";
import { isUnreadableCustomer, type CustomerListEntry } from "@/lib/recapture/schemas";

export interface CustomersTableProps {
  timeZone: string;
  canCreate: boolean;
}

const NO_CUSTOMERS: CustomerListEntry[] = [];

/** Each table state gets its own history entry, so Back steps through pages as people expect. */
function showSearch(search: CustomersSearch) {
  window.history.pushState(null, "", customersHref(search));
}

export function CustomersTable({ timeZone, canCreate }: CustomersTableProps) {
  const searchParams = useSearchParams();
  const search = useMemo(() => parseCustomersSearch(searchParams), [searchParams]);
  const query = useQuery(customerQueries.list(toListParams(search)));
  const beingDeleted = useCustomersBeingDeleted();
  // A customer whose delete waits out its undo time is gone from view already, and back on Undo.
  const customers = useMemo(
    () => query.data?.customers.filter((entry) => !entry.id || !beingDeleted.has(entry.id)) ?? NO_CUSTOMERS,
    [query.data, beingDeleted],
  );
  const total = query.data && query.data.total - (query.data.customers.length - customers.length);
  const [columnVisibility, setColumnVisibility] = useColumnVisibility("customers-table:columns");
  const [expanded, setExpanded] = useState<ExpandedState>({});
  const columns = useMemo(() => customerColumns({ timeZone, from: search }), [timeZone, search]);
  const pagination = useMemo(() => toPaginationState(search), [search]);

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
    onPaginationChange: (updater: Updater<PaginationState>) =>
      showSearch({ ...search, ...nextTablePage(search, functionalUpdate(updater, pagination)) }),
    onColumnVisibilityChange: setColumnVisibility,
    onExpandedChange: setExpanded,
  });

  useRenderMeasure("customers-table:render", query.isPlaceholderData ? undefined : query.dataUpdatedAt);

  // A delete elsewhere can leave a page past the end: go to the last page that exists.
  const pageEmpty = query.data?.customers.length === 0 && !query.isPlaceholderData;
  useEffect(() => {
    if (pageEmpty && total && search.page > 1) {
      window.history.replaceState(
        null,
        "",
        customersHref({ ...search, page: Math.ceil(total / search.size) }),
      );
    }
  }, [pageEmpty, total, search]);

  function filterByUpload(uploadId: string | undefined) {
    showSearch({ page: 1, size: search.size, ...(uploadId ? { uploadId } : {}) });
  }

  return (
    <section aria-label="Customers" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <CustomersUploadFilter uploadId={search.uploadId} timeZone={timeZone} onChange={filterByUpload} />
        <div className="flex gap-2">
          <ExportCustomersMenu
            search={parseCustomerIndexSearch(searchParams)}
            columns={table.getVisibleLeafColumns().map((column) => column.id)}
            disabled={query.isPending}
            total={total}
          />
          <DataTableColumnMenu table={table} />
        </div>
      </div>
      {query.isError ? (
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
              search.uploadId ? (
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
