import { describeRate, describeTimeRemaining, formatCount, type UploadCounters, type UploadState } from "@/lib/uploads/progress";

export interface UploadStatsProps {
  counters: UploadCounters;
  state: UploadState;
  ratePerSecond: number | undefined;
  secondsRemaining: number | undefined;
}

function rateText(state: UploadState, ratePerSecond: number | undefined): string {
  if (state === "queued") return "Waiting to start";
  if (state !== "processing") return "—";
  return ratePerSecond === undefined ? "Measuring…" : describeRate(ratePerSecond);
}

function remainingText(state: UploadState, secondsRemaining: number | undefined): string {
  if (state === "complete") return "Done";
  if (state === "cancelled") return "Stopped";
  return secondsRemaining === undefined ? "Working it out…" : describeTimeRemaining(secondsRemaining);
}

/** The numbers under the bar. */
export function UploadStats({ counters, state, ratePerSecond, secondsRemaining }: UploadStatsProps) {
  const stats = [
    { term: "Processed", value: `${formatCount(counters.totalProcessed)} of ${formatCount(counters.totalUploaded)}` },
    { term: "Errors", value: formatCount(counters.totalErrors), warn: counters.totalErrors > 0 },
    { term: "Rate", value: rateText(state, ratePerSecond) },
    { term: "Time remaining", value: remainingText(state, secondsRemaining) },
  ];
  return (
    <dl className="grid grid-cols-2 gap-px overflow-hidden rounded-lg border border-slate-200 bg-slate-200 sm:grid-cols-4">
      {stats.map(({ term, value, warn }) => (
        <div key={term} className="bg-white px-4 py-3">
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{term}</dt>
          <dd className={`mt-1 text-lg font-semibold tabular-nums ${warn ? "text-amber-700" : "text-slate-900"}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
