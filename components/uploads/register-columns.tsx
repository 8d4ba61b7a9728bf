import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import type { DataTableFeatures } from "@/components/data-table/data-table-features";
import { RegisterProgress } from "@/components/uploads/register-progress";
import { personLabel, uploadHref, uploadTitle } from "@/components/uploads/upload-display";
import { formatCount, formatDateTime } from "@/lib/format";
import { notSentFileUrl } from "@/lib/queries/uploads";
import type { RegisteredUpload } from "@/lib/uploads/register-schemas";

const helper = createColumnHelper<DataTableFeatures, RegisteredUpload>();

const empty = <span className="text-slate-500">—</span>;

function origin(upload: RegisteredUpload): string {
  if (upload.source === "tracked") return "Tracked by id";
  if (upload.source === "demo") return "Emulator demo data";
  const parts = upload.parts.length > 1 ? ` · ${upload.parts.length} parts` : "";
  return `${upload.file?.name ?? "Sent from the dashboard"}${parts}`;
}

export function registerColumns({ timeZone }: { timeZone: string }) {
  return helper.columns([
    helper.accessor("name", {
      header: "Upload",
      enableHiding: false,
      // Narrower on a phone, where it stays in view while the other columns scroll past.
      meta: { label: "Upload", className: "min-w-36 sm:min-w-56" },
      cell: ({ row }) => (
        <div className="flex flex-col gap-0.5">
          <Link
            href={uploadHref(row.original.id)}
            className="font-semibold text-brand-700 underline-offset-2 hover:underline"
          >
            {uploadTitle(row.original)}
          </Link>
          <span className="text-xs text-slate-500">{origin(row.original)}</span>
        </div>
      ),
    }),
    helper.display({
      id: "progress",
      header: "Progress",
      enableHiding: false,
      meta: { label: "Progress" },
      cell: ({ row }) => <RegisterProgress upload={row.original} />,
    }),
    helper.accessor((upload) => upload.file?.rowsNotSent, {
      id: "notSent",
      header: "Rows not sent",
      meta: { label: "Rows not sent", className: "whitespace-nowrap text-right" },
      cell: ({ row, getValue }) => {
        const notSent = getValue();
        if (notSent === undefined) return empty;
        if (notSent === 0) return <span className="tabular-nums text-slate-500">0</span>;
        return (
          <a
            href={notSentFileUrl(row.original.id)}
            download
            aria-label={`Download the ${formatCount(notSent)} rows not sent from ${uploadTitle(row.original)}`}
            className="font-medium tabular-nums text-brand-700 underline-offset-2 hover:underline"
          >
            {formatCount(notSent)}
          </a>
        );
      },
    }),
    helper.accessor((upload) => upload.recordedBy, {
      id: "recordedBy",
      header: "Sent by",
      meta: { label: "Sent by", className: "whitespace-nowrap" },
      cell: ({ row, getValue }) => {
        const person = getValue();
        if (person) return personLabel(person);
        return row.original.source === "demo" ? "Demo data" : empty;
      },
    }),
    helper.accessor("recordedAt", {
      header: "Sent",
      meta: { label: "Sent", className: "whitespace-nowrap tabular-nums" },
      cell: ({ getValue }) => formatDateTime(getValue(), timeZone),
    }),
  ]);
}
