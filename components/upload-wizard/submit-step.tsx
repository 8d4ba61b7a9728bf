"use client";

import Link from "next/link";
import { useEffect } from "react";
import type { NotSentReason, ReviewCounts } from "@/lib/csv";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { monitoredCheckProblem } from "@/components/upload-wizard/already-monitored-panel";
import { NotSentDownloadButton } from "@/components/upload-wizard/not-sent-download-button";
import type { SettingsValues } from "@/components/upload-wizard/settings-form";
import { StepActions } from "@/components/upload-wizard/step-actions";
import type { Pipeline } from "@/components/upload-wizard/use-pipeline";
import { UnconfirmedNotice } from "@/components/upload-wizard/unconfirmed-notice";
import type { MonitoredCheck } from "@/components/upload-wizard/use-monitored-check";
import { useSendUpload, type SendState } from "@/components/upload-wizard/use-send-upload";
import { formatCount, formatQuantity } from "@/lib/format";

export interface SubmitStepProps {
  run: Pipeline["run"];
  fileName: string;
  counts: ReviewCounts;
  monitoredCheck: MonitoredCheck | undefined;
  /** Why rows aren't sent, the commonest first. */
  reasons: readonly NotSentReason[];
  /** Opens the review at a reason's rows. */
  onReviewReason: (key: string) => void;
  settings: SettingsValues;
  maxCustomersPerUpload: number;
  /** Told when going back stops being safe (sending, or a part already queued). */
  onLockedChange: (locked: boolean) => void;
  onBack: () => void;
}

function monitoringText({ monitorStart, monitorEnd }: SettingsValues): string {
  if (monitorStart && monitorEnd) return `From ${monitorStart} until ${monitorEnd}`;
  if (monitorStart) return `From ${monitorStart}, with no end date`;
  return monitorEnd ? `From now until ${monitorEnd}` : "From now on, with no end date";
}

/** The Send step's line on cars already monitored: how many, and whether they go; or why nobody knows. */
function alreadyMonitoredText(check: MonitoredCheck | undefined, counts: ReviewCounts): string {
  if (check?.phase === "checking") return "Still checking…";
  const problem = monitoredCheckProblem(check);
  if (problem) return `Not checked. ${problem}.`;
  if (counts.alreadyMonitored === 0) return "None";
  return `${formatCount(counts.alreadyMonitored)}, ${counts.sendAlreadyMonitored ? "sent anyway" : "not sent"}`;
}

function progressText({ stage, parts, settled }: SendState): string {
  if (stage === "record") return "Adding the upload to the uploads list…";
  return parts > 1 ? `Sending part ${settled.length + 1} of ${parts}…` : "Sending the upload…";
}

function failureTitle({ stage, parts, settled }: SendState): string {
  if (stage === "prepare") return "The upload couldn't be prepared";
  if (stage === "record") return "The upload is queued, but it couldn't be added to the uploads list";
  return parts > 1 ? `Part ${settled.length + 1} of ${parts} wasn't sent` : "The upload wasn't sent";
}

function primaryLabel({ phase, unconfirmed }: SendState, sent: number): string {
  if (phase === "failed") return "Try again";
  if (phase === "unconfirmed") {
    if (unconfirmed?.check === "not_arrived") return "Send it";
    if (unconfirmed?.check === "failed") return "Check again";
    return "Checking…";
  }
  return `Send ${formatCount(sent)} customers`;
}

export function SubmitStep({
  run,
  fileName,
  counts,
  monitoredCheck,
  reasons,
  onReviewReason,
  settings,
  maxCustomersPerUpload,
  onLockedChange,
  onBack,
}: SubmitStepProps) {
  const { state, send } = useSendUpload({ run, fileName, counts, settings, maxCustomersPerUpload });
  const locked =
    state.phase === "working" ||
    state.phase === "unconfirmed" ||
    state.phase === "done" ||
    state.settled.length > 0;
  const checking =
    state.phase === "unconfirmed" &&
    (state.unconfirmed?.check === "checking" || state.unconfirmed?.check === "waiting");

  useEffect(() => onLockedChange(locked), [locked, onLockedChange]);

  const facts: [string, string][] = [
    ["Upload name", settings.name],
    [
      "Customers to send",
      state.parts > 1
        ? `${formatCount(counts.sent)}, in ${state.parts} parts sent one after another`
        : formatCount(counts.sent),
    ],
    [
      "Rows not sent",
      counts.notSent > 0 ? `${formatCount(counts.notSent)} (download them below to fix)` : "None",
    ],
    ["Already monitored", alreadyMonitoredText(monitoredCheck, counts)],
    ["Monitoring", monitoringText(settings)],
    [
      "Rego lookups",
      settings.enableRegoLookups ? `On: up to ${formatCount(counts.paidLookups)} paid lookups` : "Off",
    ],
  ];

  const biggest = reasons[0];
  // More than a tenth of the file left behind is worth a second look before sending.
  const manyNotSent = counts.notSent * 10 > counts.rowsInFile && biggest !== undefined;

  return (
    <div className="flex flex-col gap-5">
      {manyNotSent && (
        <Alert
          tone="warning"
          title={`${formatCount(counts.notSent)} of ${formatCount(counts.rowsInFile)} rows (${Math.round((counts.notSent / counts.rowsInFile) * 100)}%) won't be sent`}
          className="max-w-2xl"
        >
          <p>
            The biggest reason: {formatQuantity(biggest.rows, "row", "rows")} {biggest.reason}.
          </p>
          {!locked && (
            <button
              type="button"
              className="mt-1 font-medium underline hover:no-underline"
              onClick={() => onReviewReason(biggest.key)}
            >
              Review these rows
            </button>
          )}
        </Alert>
      )}
      <dl className="grid max-w-2xl grid-cols-[max-content_1fr] gap-x-6 gap-y-2 rounded-md border border-slate-200 bg-slate-50 px-5 py-4 text-sm">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="font-medium text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>

      {state.phase === "working" && (
        <div className="flex max-w-2xl flex-col gap-2">
          <p className="inline-flex items-center gap-2 text-sm font-medium text-brand-700">
            <Spinner /> {progressText(state)}
          </p>
          {state.parts > 0 && (
            <div
              role="progressbar"
              aria-label="Parts sent"
              aria-valuemin={0}
              aria-valuemax={state.parts}
              aria-valuenow={state.settled.length}
              aria-valuetext={`${state.settled.length} of ${state.parts} parts sent`}
              className="h-2 overflow-hidden rounded-full bg-slate-200"
            >
              <div
                className="h-full bg-brand-600 transition-all"
                style={{ width: `${(state.settled.length / state.parts) * 100}%` }}
              />
            </div>
          )}
        </div>
      )}

      {state.arrival && state.phase !== "failed" && (
        <p role="status" className="max-w-2xl text-sm font-medium text-emerald-800">
          {state.arrival}
        </p>
      )}

      {state.phase === "unconfirmed" && state.unconfirmed && (
        <UnconfirmedNotice unconfirmed={state.unconfirmed} parts={state.parts} />
      )}

      {state.phase === "failed" && (
        <Alert tone="danger" title={failureTitle(state)}>
          <p>{state.failure}</p>
          {state.settled.length > 0 && (
            <p className="mt-2">
              {state.settled.length === 1 ? "The first part was" : `${state.settled.length} parts were`}{" "}
              accepted and {state.settled.length === 1 ? "is" : "are"} queued. Nothing is lost: trying again
              sends only what is left.{" "}
              <Link
                href={`/uploads/${state.settled[0]?.uploadId ?? state.settled[0]?.partId}`}
                className="font-medium underline"
              >
                See the queued upload
              </Link>
            </p>
          )}
        </Alert>
      )}

      {state.phase === "done" && (
        <p role="status" className="inline-flex items-center gap-2 text-sm font-medium text-emerald-800">
          <Spinner /> Sent. Opening the upload&apos;s progress…
        </p>
      )}

      <StepActions
        back={
          !locked && (
            <Button variant="secondary" onClick={onBack}>
              Back
            </Button>
          )
        }
      >
        <NotSentDownloadButton run={run} fileName={fileName} notSent={counts.notSent} />
        <Button
          onClick={send}
          disabled={
            state.phase === "preparing" ||
            state.phase === "working" ||
            state.phase === "done" ||
            checking ||
            // What is sent depends on the answer, which is seconds away.
            monitoredCheck?.phase === "checking"
          }
        >
          {primaryLabel(state, counts.sent)}
        </Button>
      </StepActions>
    </div>
  );
}
