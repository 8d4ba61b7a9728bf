"use client";

import { useEffect, useState } from "react";
import type { ColumnMapping, DuplicatePolicy, ReviewedRow, RowFilter } from "@/lib/csv";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { AlreadyMonitoredPanel } from "@/components/upload-wizard/already-monitored-panel";
import { ColumnFixesPanel } from "@/components/upload-wizard/column-fixes-panel";
import { DuplicatePolicyField } from "@/components/upload-wizard/duplicate-policy-field";
import { FIELD_LABELS } from "@/components/upload-wizard/mapping-choices";
import { NotSentDownloadButton } from "@/components/upload-wizard/not-sent-download-button";
import type { ReviewState, RowEdit } from "@/components/upload-wizard/pipeline-protocol";
import { problemText } from "@/components/upload-wizard/review-display";
import { ReviewSummary } from "@/components/upload-wizard/review-summary";
import { ReviewTable } from "@/components/upload-wizard/review-table";
import { StepActions } from "@/components/upload-wizard/step-actions";
import type { MonitoredCheck } from "@/components/upload-wizard/use-monitored-check";
import type { Pipeline } from "@/components/upload-wizard/use-pipeline";
import { formatCount } from "@/lib/format";

export interface ReviewStepProps {
  run: Pipeline["run"];
  fileName: string;
  headers: readonly string[];
  mapping: readonly ColumnMapping[];
  review: ReviewState;
  onReviewChange: (review: ReviewState) => void;
  /** The check of the file's cars against the customer index. */
  monitoredCheck: MonitoredCheck | undefined;
  onRetryMonitoredCheck: () => void;
  /** Changes when the review changed outside this step (the check's answer), so the rows are fetched again. */
  reviewRevision: number;
  /** A reason for rows not sent to open the step at (a problem group's key), from the Send step. */
  focusReason?: string;
  busy: boolean;
  announce: (message: string) => void;
  onBack: () => void;
  onContinue: () => void;
}

function columnNote({ target }: ColumnMapping): string {
  if (target.kind === "field") return FIELD_LABELS[target.field];
  if (target.kind === "additional") return `Additional: ${target.key}`;
  return "Not sent";
}

function editOutcome(row: ReviewedRow): string {
  if (!row.sent)
    return `Row ${row.rowNumber} is still not sent: ${row.problems
      .filter((p) => p.severity === "error")
      .map(problemText)
      .join("; ")}`;
  return row.status === "warning"
    ? `Row ${row.rowNumber} will be sent, with a warning.`
    : `Row ${row.rowNumber} is fixed and will be sent.`;
}

function countsText({ counts }: ReviewState): string {
  return `${formatCount(counts.sent)} of ${formatCount(counts.rowsInFile)} rows will be sent.`;
}

export function ReviewStep({
  run,
  fileName,
  headers,
  mapping,
  review,
  onReviewChange,
  monitoredCheck,
  onRetryMonitoredCheck,
  reviewRevision,
  focusReason,
  busy,
  announce,
  onBack,
  onContinue,
}: ReviewStepProps) {
  const { counts } = review;
  const withProblems = counts.notSent + counts.sentWithWarnings;
  const focusGroup = review.groups.some((group) => group.key === focusReason) ? focusReason : undefined;
  const [filter, setFilter] = useState<RowFilter>(() => {
    if (focusReason === "already-monitored") return "already-monitored";
    if (focusReason && !focusGroup) return "not-sent";
    return withProblems > 0 ? "problems" : "all";
  });
  // A whole-column fix changes many rows: the view is built again.
  const [revision, setRevision] = useState(0);
  // The worker holds the view; `key` remounts the table whenever it is rebuilt.
  const [view, setView] = useState<{ key: number; total: number }>();

  useEffect(() => {
    let current = true;
    void run({ type: "filter", filter }).then(
      (total) => current && setView((previous) => ({ key: (previous?.key ?? 0) + 1, total })),
    );
    return () => {
      current = false;
    };
  }, [run, filter, revision, reviewRevision]);

  /** Runs a change to many rows, then shows the new counts and rows. */
  async function changeMany(change: Promise<ReviewState>, said: (next: ReviewState) => string) {
    try {
      const next = await change;
      onReviewChange(next);
      setRevision((value) => value + 1);
      announce(`${said(next)} ${countsText(next)}`);
    } catch (error) {
      announce(error instanceof Error ? error.message : String(error));
    }
  }

  const filters: { value: RowFilter; label: string; count: number }[] = [
    { value: "all", label: "All rows", count: counts.rowsInFile },
    { value: "problems", label: "With problems", count: withProblems },
    { value: "not-sent", label: "Not sent", count: counts.notSent },
  ];
  if (counts.alreadyMonitored > 0 || filter === "already-monitored")
    filters.push({ value: "already-monitored", label: "Already monitored", count: counts.alreadyMonitored });

  return (
    <div className="flex flex-col gap-5">
      <ReviewSummary counts={counts} />
      <AlreadyMonitoredPanel
        check={monitoredCheck}
        counts={counts}
        busy={busy}
        onRetry={onRetryMonitoredCheck}
        onSendAnyway={(send) =>
          void changeMany(run({ type: "send-already-monitored", send }), () =>
            send
              ? "Rows whose car is already monitored are sent anyway."
              : "Rows whose car is already monitored aren't sent.",
          )
        }
      />
      <ColumnFixesPanel
        groups={review.groups}
        fixes={review.fixes}
        busy={busy}
        focusKey={focusGroup}
        onFix={(group, action) =>
          void changeMany(
            run({ type: "fix", groupKey: group.key, action }, "Fixing the column…"),
            (next) => `Done: ${next.fixes.at(-1)?.summary ?? "fixed"}.`,
          )
        }
        onUndo={(fix) =>
          void changeMany(run({ type: "undo-fix", fixId: fix.id }), () => `Undone: ${fix.summary}.`)
        }
      />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <fieldset className="flex flex-col gap-1">
          <legend className="text-xs font-medium text-slate-500">Show</legend>
          <div className="inline-flex rounded-md border border-slate-300 bg-white p-0.5 shadow-sm">
            {filters.map((option) => (
              <label
                key={option.value}
                className={`cursor-pointer rounded px-3 py-1.5 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600 ${
                  filter === option.value
                    ? "bg-brand-600 font-medium text-white"
                    : "text-slate-700 hover:bg-slate-100"
                }`}
              >
                <input
                  type="radio"
                  name="review-filter"
                  value={option.value}
                  checked={filter === option.value}
                  onChange={() => setFilter(option.value)}
                  className="sr-only"
                />
                {option.label} ({formatCount(option.count)})
              </label>
            ))}
          </div>
        </fieldset>
        <DuplicatePolicyField
          counts={counts}
          busy={busy}
          onChange={(policy: DuplicatePolicy) =>
            void changeMany(run({ type: "duplicates", policy }), () =>
              policy === "keep-newest"
                ? "Of each car, the row with the newest sale date is sent."
                : "Of each car, the first row is sent.",
            )
          }
        />
        <NotSentDownloadButton run={run} fileName={fileName} notSent={counts.notSent} />
      </div>
      <p className="text-xs text-slate-500">
        Select a cell (or Tab to it and press Enter) to fix it; Enter saves, Escape cancels. Fixed rows stay
        in this list until you change what it shows.
      </p>
      {view && view.total === 0 ? (
        <div className="rounded-md border border-slate-200">
          <EmptyState
            title="No rows here"
            description={filter === "all" ? "The file has no rows." : "Every row can be sent as it is."}
          />
        </div>
      ) : (
        view && (
          <ReviewTable
            key={view.key}
            run={run}
            total={view.total}
            headers={headers}
            columnNotes={mapping.map(columnNote)}
            onEdited={(edit: RowEdit, row) => {
              onReviewChange(edit.state);
              announce(editOutcome(row));
            }}
          />
        )
      )}
      <StepActions
        back={
          <Button variant="secondary" onClick={onBack}>
            Back
          </Button>
        }
      >
        <Button onClick={onContinue} disabled={counts.sent === 0}>
          {counts.sent === 0 ? "No rows can be sent" : `Continue with ${formatCount(counts.sent)} customers`}
        </Button>
      </StepActions>
    </div>
  );
}
