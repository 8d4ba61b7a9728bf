import { UploadProgressBar } from "@/components/uploads/upload-progress-bar";
import { UploadStateBadge } from "@/components/uploads/upload-state-badge";
import type { LivePart } from "@/components/uploads/use-live-upload";
import { percentProcessed } from "@/lib/uploads/progress";
import { formatCount, formatQuantity } from "@/lib/format";

export interface UploadPartsListProps {
  parts: LivePart[];
}

/** Each part of a split upload with its own bar, under the combined one. */
export function UploadPartsList({ parts }: UploadPartsListProps) {
  return (
    <section
      aria-labelledby="parts-heading"
      className="rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <h2
        id="parts-heading"
        className="border-b border-slate-200 px-6 py-3 text-sm font-semibold text-slate-900"
      >
        {parts.length} parts
      </h2>
      <ol className="divide-y divide-slate-100">
        {parts.map(({ part, counters, state }) => {
          const label = `Part ${part.partNumber} of ${parts.length}`;
          return (
            <li
              key={part.id}
              className="grid gap-2 px-6 py-4 sm:grid-cols-[12rem_1fr_7rem] sm:items-center sm:gap-6"
            >
              <div>
                <p className="text-sm font-medium text-slate-900">{label}</p>
                <p className="truncate font-mono text-xs text-slate-500" title={part.id}>
                  {part.id}
                </p>
              </div>
              <div className="flex flex-col gap-1.5">
                <UploadProgressBar counters={counters} state={state} label={label} size="sm" />
                <p className="text-xs tabular-nums text-slate-600">
                  {formatCount(counters.totalProcessed)} of {formatCount(counters.totalUploaded)} ·{" "}
                  {percentProcessed(counters)}%
                  {counters.totalErrors > 0 && ` · ${formatQuantity(counters.totalErrors, "error")}`}
                </p>
              </div>
              <div className="sm:justify-self-end">
                <UploadStateBadge state={state} />
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
