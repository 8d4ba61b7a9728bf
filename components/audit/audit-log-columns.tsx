import { createColumnHelper } from "@tanstack/react-table";
import type { DataTableFeatures } from "@/components/data-table/data-table-features";
import { Badge } from "@/components/ui/badge";
import { formatDateTime, formatQuantity } from "@/lib/format";
import type { AuditEntry } from "@/lib/audit-entry";

const helper = createColumnHelper<DataTableFeatures, AuditEntry>();

export interface AuditLogColumnsOptions {
  timeZone: string;
}

export function auditLogColumns({ timeZone }: AuditLogColumnsOptions) {
  return helper.columns([
    helper.accessor("at", {
      header: "When",
      meta: { label: "When", className: "whitespace-nowrap tabular-nums" },
      cell: ({ getValue }) => formatDateTime(getValue(), timeZone),
    }),
    helper.accessor("userEmail", {
      header: "Who",
      meta: { label: "Who" },
      // No one was signed in: a failed sign-in, say.
      cell: ({ getValue }) => getValue() ?? <span className="text-slate-500">signed out</span>,
    }),
    helper.accessor("action", {
      header: "Action",
      meta: { label: "Action" },
      cell: ({ getValue }) => <span className="font-mono text-xs leading-5">{getValue()}</span>,
    }),
    helper.accessor("target", {
      header: "Target",
      meta: { label: "Target", className: "min-w-48 wrap-anywhere" },
    }),
    helper.accessor("outcome", {
      header: "Outcome",
      meta: { label: "Outcome" },
      cell: ({ getValue }) =>
        getValue() === "success" ? (
          <Badge tone="success">Success</Badge>
        ) : (
          <Badge tone="danger">Failure</Badge>
        ),
    }),
    helper.accessor("detail", {
      header: "Detail",
      meta: { label: "Detail", className: "min-w-64 text-slate-600" },
      // One row may stand for several failed sign-ins from one address (see lib/server/db/audit-log.ts).
      cell: ({ getValue, row }) =>
        row.original.repeats > 1
          ? `${formatQuantity(row.original.repeats, "attempt")}; latest: ${getValue()}`
          : getValue(),
    }),
  ]);
}
