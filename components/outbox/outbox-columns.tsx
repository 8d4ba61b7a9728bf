import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import type { DataTableFeatures } from "@/components/data-table/data-table-features";
import { OutboxStateBadge } from "@/components/outbox/outbox-state-badge";
import { formatDateTime } from "@/lib/format";
import { MAIL_KIND_LABELS } from "@/lib/notifications/mail-message";
import type { OutboxEntry } from "@/lib/notifications/outbox-entry";

const helper = createColumnHelper<DataTableFeatures, OutboxEntry>();

export function outboxColumns({ timeZone }: { timeZone: string }) {
  return helper.columns([
    helper.accessor("createdAt", {
      header: "When",
      meta: { label: "When", className: "whitespace-nowrap tabular-nums" },
      cell: ({ getValue }) => formatDateTime(getValue(), timeZone),
    }),
    helper.accessor("to", {
      header: "To",
      meta: { label: "To", className: "wrap-anywhere" },
    }),
    helper.accessor("subject", {
      header: "Subject",
      meta: { label: "Subject", className: "min-w-64" },
      cell: ({ getValue, row }) => (
        <Link
          href={`/settings/outbox/${row.original.id}`}
          className="font-medium text-brand-700 underline-offset-2 hover:underline"
        >
          {getValue()}
        </Link>
      ),
    }),
    helper.accessor("kind", {
      header: "Kind",
      meta: { label: "Kind", className: "whitespace-nowrap" },
      cell: ({ getValue }) => MAIL_KIND_LABELS[getValue()] ?? getValue(),
    }),
    helper.display({
      id: "state",
      header: "State",
      meta: { label: "State", className: "min-w-32" },
      cell: ({ row }) => (
        <div className="flex flex-col items-start gap-1">
          <OutboxStateBadge entry={row.original} />
          {row.original.error && <span className="text-xs text-red-800">{row.original.error}</span>}
        </div>
      ),
    }),
  ]);
}
