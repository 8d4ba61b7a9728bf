"use client";

import { useRouter } from "next/navigation";
import {
  functionalUpdate,
  useTable,
  type ColumnDef,
  type PaginationState,
  type Updater,
} from "@tanstack/react-table";
import { useMemo, useTransition, type ReactNode } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { dataTableFeatures, type DataTableFeatures } from "@/components/data-table/data-table-features";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { nextTablePage, toPaginationState, type TablePage } from "@/components/data-table/table-page";

export interface ServerPagedTableProps<TData extends { id: number }> {
  /** Names the section for screen readers ("Outbox"). */
  label: string;
  /** Names the table for screen readers. */
  caption: string;
  columns: ColumnDef<DataTableFeatures, TData, unknown>[];
  /** One page of rows, read by the server for `tablePage`. */
  rows: TData[];
  total: number;
  tablePage: TablePage;
  /** The URL of another page. */
  hrefFor: (page: TablePage) => string;
  /** Shown in place of the rows when there are none. */
  empty: ReactNode;
  /** What the pager counts ("emails"). */
  itemLabel: string;
}

/** A read-only table paged on the server: the pager changes the URL and the page is read again. */
export function ServerPagedTable<TData extends { id: number }>({
  label,
  caption,
  columns,
  rows,
  total,
  tablePage,
  hrefFor,
  empty,
  itemLabel,
}: ServerPagedTableProps<TData>) {
  const router = useRouter();
  const [navigating, startNavigation] = useTransition();
  const pagination = useMemo(() => toPaginationState(tablePage), [tablePage]);

  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: rows,
    getRowId: (row) => String(row.id),
    manualPagination: true,
    rowCount: total,
    autoResetPageIndex: false,
    state: { pagination },
    onPaginationChange: (updater: Updater<PaginationState>) => {
      const href = hrefFor(nextTablePage(tablePage, functionalUpdate(updater, pagination)));
      // Each page gets its own history entry, so Back steps through pages as people expect.
      startNavigation(() => router.push(href, { scroll: false }));
    },
  });

  return (
    <section aria-label={label} className="flex flex-col gap-3">
      <DataTable table={table} caption={caption} busy={navigating} empty={empty} />
      <DataTablePagination table={table} itemLabel={itemLabel} />
    </section>
  );
}
