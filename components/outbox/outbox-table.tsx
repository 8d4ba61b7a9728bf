"use client";

import { useMemo } from "react";
import { ServerPagedTable } from "@/components/data-table/server-paged-table";
import type { TablePage } from "@/components/data-table/table-page";
import { outboxColumns } from "@/components/outbox/outbox-columns";
import { outboxHref } from "@/components/outbox/outbox-search";
import { EmptyState } from "@/components/ui/empty-state";
import type { OutboxEntry } from "@/lib/notifications/outbox-entry";

export interface OutboxTableProps {
  /** One page of the outbox, newest first, read by the server for `tablePage`. */
  entries: OutboxEntry[];
  total: number;
  tablePage: TablePage;
  timeZone: string;
}

/** The outbox, paged on the server. */
export function OutboxTable({ entries, total, tablePage, timeZone }: OutboxTableProps) {
  const columns = useMemo(() => outboxColumns({ timeZone }), [timeZone]);
  return (
    <ServerPagedTable
      label="Outbox"
      caption="Emails, newest first"
      columns={columns}
      rows={entries}
      total={total}
      tablePage={tablePage}
      hrefFor={outboxHref}
      empty={
        <EmptyState
          title="No emails yet"
          description="Lead assignments, price drops and the managers' daily digest appear here once they are sent."
        />
      }
      itemLabel="emails"
    />
  );
}
