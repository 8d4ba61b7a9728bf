"use client";

import { useMemo } from "react";
import { auditLogColumns } from "@/components/audit/audit-log-columns";
import { auditLogHref } from "@/components/audit/audit-log-search";
import { ServerPagedTable } from "@/components/data-table/server-paged-table";
import type { TablePage } from "@/components/data-table/table-page";
import { EmptyState } from "@/components/ui/empty-state";
import type { AuditEntry } from "@/lib/audit-entry";

export interface AuditLogTableProps {
  /** One page of the log, newest first, read by the server for `tablePage`. */
  entries: AuditEntry[];
  total: number;
  tablePage: TablePage;
  timeZone: string;
}

/** The audit log, paged on the server. */
export function AuditLogTable({ entries, total, tablePage, timeZone }: AuditLogTableProps) {
  const columns = useMemo(() => auditLogColumns({ timeZone }), [timeZone]);
  return (
    <ServerPagedTable
      label="Audit log"
      caption="Audit log entries"
      columns={columns}
      rows={entries}
      total={total}
      tablePage={tablePage}
      hrefFor={auditLogHref}
      empty={
        <EmptyState
          title="Nothing recorded yet"
          description="Sign-ins, account changes, uploads and customer changes appear here."
        />
      }
      itemLabel="entries"
    />
  );
}
