"use client";

import { useRouter } from "next/navigation";
import { functionalUpdate, useTable, type PaginationState, type Updater } from "@tanstack/react-table";
import { useMemo, useTransition } from "react";
import { outboxColumns } from "@/components/outbox/outbox-columns";
import { outboxHref } from "@/components/outbox/outbox-search";
import { DataTable } from "@/components/data-table/data-table";
import { dataTableFeatures } from "@/components/data-table/data-table-features";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { nextTablePage, toPaginationState, type TablePage } from "@/components/data-table/table-page";
import { EmptyState } from "@/components/ui/empty-state";
import type { OutboxEntry } from "@/lib/notifications/outbox-entry";

export interface OutboxTableProps {
  /** One page of the outbox, newest first, read by the server for `tablePage`. */
  entries: OutboxEntry[];
  total: number;
  tablePage: TablePage;
  timeZone: string;
}

/** The outbox, paged on the server: the pager changes the URL and the page is read again. */
export function OutboxTable({ entries, total, tablePage, timeZone }: OutboxTableProps) {
  const router = useRouter();
  const [navigating, startNavigation] = useTransition();
  const columns = useMemo(() => outboxColumns({ timeZone }), [timeZone]);
  const pagination = useMemo(() => toPaginationState(tablePage), [tablePage]);

  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: entries,
    getRowId: (entry) => String(entry.id),
    manualPagination: true,
    rowCount: total,
    autoResetPageIndex: false,
    state: { pagination },
    onPaginationChange: (updater: Updater<PaginationState>) => {
      const href = outboxHref(nextTablePage(tablePage, functionalUpdate(updater, pagination)));
      // Each page gets its own history entry, so Back steps through pages as people expect.
      startNavigation(() => router.push(href, { scroll: false }));
    },
  });

  return (
    <section aria-label="Outbox" className="flex flex-col gap-3">
      <DataTable
        table={table}
        caption="Emails, newest first"
        busy={navigating}
        empty={
          <EmptyState
            title="No emails yet"
            description="Lead assignments, price drops and the managers' daily digest appear here once they are sent."
          />
        }
      />
      <DataTablePagination table={table} itemLabel="emails" />
    </section>
  );
}
