"use client";

import { useRouter } from "next/navigation";
import { functionalUpdate, useTable, type PaginationState, type Updater } from "@tanstack/react-table";
import { useMemo, useTransition } from "react";
import { auditLogColumns } from "@/components/audit/audit-log-columns";
import { auditLogHref } from "@/components/audit/audit-log-search";
import { DataTable } from "@/components/data-table/data-table";
import { dataTableFeatures } from "@/components/data-table/data-table-features";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { nextTablePage, toPaginationState, type TablePage } from "@/components/data-table/table-page";
import { EmptyState } from "@/components/ui/empty-state";
import type { AuditEntry } from "@/lib/audit-entry";

export interface AuditLogTableProps {
  /** One page of the log, newest first, read by the server for `tablePage`. */
  entries: AuditEntry[];
  total: number;
  tablePage: TablePage;
  timeZone: string;
}

/** The audit log, paged on the server: the pager changes the URL and the page is read again. */
export function AuditLogTable({ entries, total, tablePage, timeZone }: AuditLogTableProps) {
  const router = useRouter();
  const [navigating, startNavigation] = useTransition();
  const columns = useMemo(() => auditLogColumns({ timeZone }), [timeZone]);
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
      const href = auditLogHref(nextTablePage(tablePage, functionalUpdate(updater, pagination)));
      // Each page gets its own history entry, so Back steps through pages as people expect.
      startNavigation(() => router.push(href, { scroll: false }));
    },
  });

  return (
    <section aria-label="Audit log" className="flex flex-col gap-3">
      <DataTable
        table={table}
        caption="Audit log entries"
        busy={navigating}
        empty={
          <EmptyState
            title="Nothing recorded yet"
            description="Sign-ins, account changes, uploads and customer changes appear here."
          />
        }
      />
      <DataTablePagination table={table} itemLabel="entries" />
    </section>
  );
}
