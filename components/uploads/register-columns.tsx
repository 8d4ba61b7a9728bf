import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import type { DataTableFeatures } from "@/components/data-table/data-table-features";
import { RegisterProgress } from "@/components/uploads/register-progress";
import { SentPartStatus } from "@/components/uploads/sent-part-status";
import { personLabel, uploadHref, uploadTitle } from "@/components/uploads/upload-display";
import { formatCount, formatDateTime, formatQuantity } from "@/lib/format";
import { notSentFileUrl } from "@/lib/queries/uploads";
import type { RegisteredUpload } from "@/lib/uploads/register-schemas";

const helper = createColumnHelper<DataTableFeatures, RegisteredUpload>();

const empty = <span className="text-slate-500">—</span>;

function origin(upload: RegisteredUpload): string {
  if (upload.source === "tracked") return "Tracked by id";
  if (upload.source === "demo") return "Emulator demo data";
  const count = upload.parts.length + upload.sentParts.length;
  const parts = count > 1 ? ` · ${count} parts` : "";
  return `${upload.file?.name ?? "Sent from the dashboard"}${parts}`;
}

/** Said beside the name too, so a part that needs a look is seen without reading the progress column. */
function OpenPartsNote({ upload }: { upload: RegisteredUpload }) {
  const open = upload.sentParts.filter(
    (part) => part.state === "not_confirmed" || part.state === "not_arrived",
  );
  if (open.length === 0) return null;
  const notArrived = open.filter((part) => part.state === "not_arrived").length;
  return (
    <span className="text-xs font-medium text-amber-800">
      {notArrived > 0
        ? `${formatQuantity(notArrived, "part")} did not arrive`
        : `${formatQuantity(open.length, "part")} not confirmed`}
    </span>
  );
}

/** The line's progress: its confirmed parts' counters, then each part sent without an upload id. */
function LineProgress({
  upload,
  canCheck,
  timeZone,
}: {
  upload: RegisteredUpload;
  canCheck: boolean;
  timeZone: string;
}) {
  const parts = upload.parts.length + upload.sentParts.length;
  return (
    <div className="flex flex-col gap-3">
      {upload.parts.length > 0 && <RegisterProgress upload={upload} />}
      {upload.sentParts.map((part) => (
        <SentPartStatus key={part.id} part={part} parts={parts} canCheck={canCheck} timeZone={timeZone} />
      ))}
    </div>
  );
}

export function registerColumns({ timeZone, canCheck }: { timeZone: string; canCheck: boolean }) {
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
          <OpenPartsNote upload={row.original} />
        </div>
      ),
    }),
    helper.display({
      id: "progress",
      header: "Progress",
      enableHiding: false,
      meta: { label: "Progress" },
      cell: ({ row }) => <LineProgress upload={row.original} canCheck={canCheck} timeZone={timeZone} />,
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
