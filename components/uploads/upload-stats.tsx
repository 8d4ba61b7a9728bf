import {
  describeRate,
  describeTimeRemaining,
  type UploadCounters,
  type UploadState,
} from "@/lib/uploads/progress";
import { formatCount } from "@/lib/format";

export interface UploadStatsProps {
  counters: UploadCounters;
  state: UploadState;
  ratePerSecond: number | undefined;
  secondsRemaining: number | undefined;
  /** Without fresh numbers a rate would be a guess, so none is shown. */
  reconnecting: boolean;
}

function rateText({ state, ratePerSecond, reconnecting }: UploadStatsProps): string {
  if (state === "queued") return "Waiting to start";
  if (state !== "processing" || reconnecting) return "—";
  return ratePerSecond === undefined ? "Measuring…" : describeRate(ratePerSecond);
}

function remainingText({ state, secondsRemaining, reconnecting }: UploadStatsProps): string {
  if (state === "complete") return "Done";
  if (state === "cancelled") return "Stopped";
  if (reconnecting) return "—";
  return secondsRemaining === undefined ? "Working it out…" : describeTimeRemaining(secondsRemaining);
}

/** The numbers under the bar (processed of uploaded is the headline above it). */
export function UploadStats(props: UploadStatsProps) {
  const { counters, state } = props;
  const stats = [
    {
      term: state === "cancelled" ? "Not created" : "Still to process",
      value: formatCount(counters.totalUploaded - counters.totalProcessed),
    },
    { term: "Errors", value: formatCount(counters.totalErrors), warn: counters.totalErrors > 0 },
    { term: "Rate", value: rateText(props) },
    { term: "Time remaining", value: remainingText(props) },
  ];
  return (
    <dl className="grid grid-cols-2 gap-px overflow-hidden rounded-lg border border-slate-200 bg-slate-200 sm:grid-cols-4">
      {stats.map(({ term, value, warn }) => (
        <div key={term} className="bg-white px-4 py-3">
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{term}</dt>
          <dd
            className={`mt-1 text-lg font-semibold tabular-nums ${warn ? "text-amber-700" : "text-slate-900"}`}
          >
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
