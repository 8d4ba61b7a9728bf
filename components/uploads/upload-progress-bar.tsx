import { percentProcessed, type UploadCounters, type UploadState } from "@/lib/uploads/progress";
import { formatCount } from "@/lib/format";

export interface UploadProgressBarProps {
  counters: UploadCounters;
  state: UploadState;
  /** Names the bar for screen readers, e.g. "Part 2 of 3". */
  label: string;
  reconnecting?: boolean;
  size?: "lg" | "sm";
}

const fills: Record<UploadState, string> = {
  queued: "bg-slate-400",
  processing: "bg-brand-600",
  complete: "bg-emerald-500",
  cancelled: "bg-amber-500",
};

/** Processed of uploaded as a bar; screen readers get the percentage and the counts. */
export function UploadProgressBar({
  counters,
  state,
  label,
  reconnecting = false,
  size = "lg",
}: UploadProgressBarProps) {
  const percent = percentProcessed(counters);
  // The fill follows the exact fraction so it moves smoothly; the announced value is the rounded-down percent.
  const width = counters.totalUploaded === 0 ? 100 : (counters.totalProcessed / counters.totalUploaded) * 100;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={`${percent}%: ${formatCount(counters.totalProcessed)} of ${formatCount(counters.totalUploaded)} customers processed`}
      className={`w-full overflow-hidden rounded-full bg-slate-200/80 ${size === "lg" ? "h-3" : "h-1.5"}`}
    >
      <div
        className={`h-full rounded-full transition-[width] duration-700 ease-out ${reconnecting ? "bg-slate-400" : fills[state]}`}
        style={{ width: `${width}%` }}
      />
    </div>
  );
}
