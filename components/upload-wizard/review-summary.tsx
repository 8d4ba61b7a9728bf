import type { ReviewCounts } from "@/lib/csv";
import { formatCount, formatQuantity } from "@/lib/format";

export interface ReviewSummaryProps {
  counts: ReviewCounts;
}

// One count; on a phone its name and number share a line, and any detail goes under them.
const COUNT_BOX =
  "rounded-md border px-4 py-3 max-sm:flex max-sm:flex-wrap max-sm:items-baseline max-sm:justify-between max-sm:gap-x-3 max-sm:py-2 sm:min-w-36";

/** Rows in file = sent + not sent, laid out as the sum it is; it changes with every fixed cell. */
export function ReviewSummary({ counts }: ReviewSummaryProps) {
  const notSentDetail = [
    counts.withErrors > 0 && formatQuantity(counts.withErrors, "with an error", "with errors"),
    counts.duplicatesNotSent > 0 && formatQuantity(counts.duplicatesNotSent, "duplicate", "duplicates"),
    counts.leftOut > 0 && `${formatCount(counts.leftOut)} left out by you`,
    counts.alreadyMonitored > 0 &&
      !counts.sendAlreadyMonitored &&
      `${formatCount(counts.alreadyMonitored)} already monitored`,
  ].filter(Boolean);
  const skipped = [
    counts.blankRowsSkipped > 0 && formatQuantity(counts.blankRowsSkipped, "empty line"),
    counts.totalLinesSkipped > 0 &&
      `${formatQuantity(counts.totalLinesSkipped, "total line")} (${counts.totalLineExamples
        .map(({ rowNumber, text }) => `row ${rowNumber}: “${text}”`)
        .join(", ")}${counts.totalLinesSkipped > counts.totalLineExamples.length ? ", …" : ""})`,
  ].filter(Boolean);
  return (
    <div aria-label="Row counts" role="group" className="flex flex-col gap-2">
      {/* On a phone the sum reads top to bottom. */}
      <div className="flex flex-col items-stretch gap-2 text-sm sm:flex-row sm:flex-wrap">
        <dl className={`${COUNT_BOX} border-slate-200 bg-white`}>
          <dt className="text-xs font-medium text-slate-500">Rows in file</dt>
          <dd className="text-2xl font-semibold tabular-nums text-slate-900" data-testid="rows-in-file">
            {formatCount(counts.rowsInFile)}
          </dd>
        </dl>
        <div aria-hidden="true" className="self-center text-xl text-slate-400">
          =
        </div>
        <dl className={`${COUNT_BOX} border-emerald-200 bg-emerald-50`}>
          <dt className="text-xs font-medium text-emerald-800">Sent</dt>
          <dd className="text-2xl font-semibold tabular-nums text-emerald-900" data-testid="rows-sent">
            {formatCount(counts.sent)}
          </dd>
          {counts.sentWithWarnings > 0 && (
            <dd className="text-xs text-emerald-800 max-sm:basis-full">
              {formatQuantity(counts.sentWithWarnings, "with a warning", "with warnings")}
            </dd>
          )}
          {counts.alreadyMonitored > 0 && counts.sendAlreadyMonitored && (
            <dd className="text-xs text-emerald-800 max-sm:basis-full">
              {formatCount(counts.alreadyMonitored)} already monitored, sent anyway
            </dd>
          )}
        </dl>
        <div aria-hidden="true" className="self-center text-xl text-slate-400">
          +
        </div>
        <dl
          className={`${COUNT_BOX} ${counts.notSent > 0 ? "border-red-200 bg-red-50" : "border-slate-200 bg-white"}`}
        >
          <dt className={`text-xs font-medium ${counts.notSent > 0 ? "text-red-800" : "text-slate-500"}`}>
            Not sent
          </dt>
          <dd
            className={`text-2xl font-semibold tabular-nums ${counts.notSent > 0 ? "text-red-900" : "text-slate-900"}`}
            data-testid="rows-not-sent"
          >
            {formatCount(counts.notSent)}
          </dd>
          {notSentDetail.length > 0 && (
            <dd className="text-xs text-red-800 max-sm:basis-full">{notSentDetail.join(" · ")}</dd>
          )}
        </dl>
      </div>
      {skipped.length > 0 && (
        <p className="text-xs text-slate-500" data-testid="lines-skipped">
          Skipped, as they hold no customer: {skipped.join(" and ")}. They aren&apos;t counted as rows of the
          file.
        </p>
      )}
    </div>
  );
}
