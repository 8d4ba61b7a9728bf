"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { ALL_CUSTOMERS, customersHref } from "@/components/customers/customers-search";
import { PageHeader } from "@/components/layout/page-header";
import { buttonStyles } from "@/components/ui/button-styles";
import { Spinner } from "@/components/ui/spinner";
import { CancelUploadButton } from "@/components/uploads/cancel-upload-button";
import { formatTimeOfDay, personLabel, uploadTitle } from "@/components/uploads/upload-display";
import { UploadFacts } from "@/components/uploads/upload-facts";
import { SentPartStatus } from "@/components/uploads/sent-part-status";
import { UploadPartsList } from "@/components/uploads/upload-parts-list";
import { UploadProgressBar } from "@/components/uploads/upload-progress-bar";
import { UploadStateBadge } from "@/components/uploads/upload-state-badge";
import { UploadStats } from "@/components/uploads/upload-stats";
import { useLiveUpload, type LivePart, type LiveUpload } from "@/components/uploads/use-live-upload";
import { useProgressReadings } from "@/components/uploads/use-progress-readings";
import { formatCount, formatDateTime } from "@/lib/format";
import { uploadQueries } from "@/lib/queries/uploads";
import { isFinished, percentProcessed } from "@/lib/uploads/progress";
import type { RegisteredUpload } from "@/lib/uploads/register-schemas";

export interface UploadProgressProps {
  uploadId: string;
  /** The register line as the server read it, so the page opens with numbers rather than a spinner. */
  initialUpload: RegisteredUpload;
  canCancel: boolean;
  timeZone: string;
}

export function UploadProgress({ uploadId, initialUpload, canCancel, timeZone }: UploadProgressProps) {
  const { data: registered } = useQuery({
    ...uploadQueries.registeredUpload(uploadId),
    initialData: initialUpload,
  });
  const live = useLiveUpload(registered);
  const { ratePerSecond, secondsRemaining, stalledSince } = useProgressReadings(
    live.counters,
    live.state,
    live.checkedAt,
  );
  const running = live.parts.filter((part) => !isFinished(part.state));
  const split = live.parts.length > 1;
  const sentParts = registered.sentParts.length > 0 && (
    <SentPartsSection upload={registered} canCheck={canCancel} timeZone={timeZone} />
  );

  return (
    <>
      <Link
        href="/uploads"
        className="mb-2 inline-block text-sm font-medium text-slate-600 hover:text-slate-900"
      >
        ← All uploads
      </Link>
      <PageHeader
        title={uploadTitle(registered)}
        description={byline(registered, timeZone)}
        actions={
          canCancel &&
          running.length > 0 && (
            <CancelUploadButton
              uploadId={uploadId}
              runningParts={running.map(({ part }) => part)}
              counters={live.counters}
            />
          )
        }
      />
      {live.parts.length === 0 ? (
        <div className="flex flex-col gap-6">
          {sentParts}
          <UploadFacts upload={registered} timeZone={timeZone} />
        </div>
      ) : (
        <div className="flex flex-col gap-6">
          <section
            aria-labelledby="progress-heading"
            className="flex flex-col gap-5 rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
          >
            <h2 id="progress-heading" className="sr-only">
              Progress
            </h2>
            <div className="flex flex-wrap items-end justify-between gap-4">
              <div className="flex items-center gap-3">
                <p className="text-4xl font-semibold tabular-nums tracking-tight text-slate-900">
                  {percentProcessed(live.counters)}%
                </p>
                <div aria-live="polite">
                  <UploadStateBadge state={live.state} reconnecting={live.reconnecting} />
                </div>
              </div>
              <p className="text-sm tabular-nums text-slate-600">
                <strong className="font-semibold text-slate-900">
                  {formatCount(live.counters.totalProcessed)}
                </strong>{" "}
                of {formatCount(live.counters.totalUploaded)} customers processed
              </p>
            </div>
            <UploadProgressBar
              counters={live.counters}
              state={live.state}
              reconnecting={live.reconnecting}
              label={split ? "All parts" : "Upload progress"}
            />
            <UploadStats
              counters={live.counters}
              state={live.state}
              ratePerSecond={ratePerSecond}
              secondsRemaining={secondsRemaining}
              reconnecting={live.reconnecting}
            />
            {live.reconnecting && <ReconnectingNotice checkedAt={live.checkedAt} timeZone={timeZone} />}
            {!live.reconnecting && stalledSince !== undefined && (
              <StalledNotice since={stalledSince} timeZone={timeZone} />
            )}
            {live.failure && (
              <p role="alert" className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-800">
                {live.failure.message}
              </p>
            )}
            {live.state === "cancelled" && <CancelledNotice live={live} timeZone={timeZone} />}
            {isFinished(live.state) ? (
              <CustomersLinks parts={live.parts} />
            ) : (
              <p className="text-sm text-slate-600">
                You can close this page: the upload carries on in Recapture without it. Its progress is here
                under Uploads whenever you come back.
              </p>
            )}
          </section>

          {split && <UploadPartsList parts={live.parts} />}
          {sentParts}
          <UploadFacts upload={registered} timeZone={timeZone} />
        </div>
      )}
    </>
  );
}

/** Parts the dashboard sent that have no upload id: not confirmed yet, or their answer lost. */
function SentPartsSection({
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
    <section
      aria-labelledby="sent-parts-heading"
      className="rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <h2
        id="sent-parts-heading"
        className="border-b border-slate-200 px-6 py-3 text-sm font-semibold text-slate-900"
      >
        {upload.sentParts.length === 1 ? "A part without an upload id" : "Parts without an upload id"}
      </h2>
      <ul className="divide-y divide-slate-100">
        {upload.sentParts.map((part) => (
          <li key={part.id} className="px-6 py-4">
            <SentPartStatus part={part} parts={parts} canCheck={canCheck} timeZone={timeZone} />
          </li>
        ))}
      </ul>
    </section>
  );
}

const BYLINE_VERBS: Record<RegisteredUpload["source"], string> = {
  dashboard: "Sent",
  tracked: "Tracked",
  demo: "Emulator demo data, sent",
};

function byline(upload: RegisteredUpload, timeZone: string): string {
  const who = upload.recordedBy ? ` by ${personLabel(upload.recordedBy)}` : "";
  const verb = BYLINE_VERBS[upload.source];
  const count = upload.parts.length + upload.sentParts.length;
  const parts = count > 1 ? ` in ${count} parts` : "";
  return `${verb}${who} on ${formatDateTime(upload.recordedAt, timeZone)}${parts}`;
}

function ReconnectingNotice({ checkedAt, timeZone }: { checkedAt: number; timeZone: string }) {
  return (
    <div
      role="status"
      className="flex items-start gap-3 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      <Spinner className="mt-0.5 h-4 w-4 shrink-0" />
      <p>
        <strong className="font-semibold">Can’t reach the Recapture API.</strong> Reconnecting… The numbers
        above are the last ones received, at {formatTimeOfDay(checkedAt, timeZone)}.
      </p>
    </div>
  );
}

/** Processing that stood still for a minute: the API may be busy, or the upload was cancelled elsewhere. */
function StalledNotice({ since, timeZone }: { since: number; timeZone: string }) {
  return (
    <p
      role="status"
      className="rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-700"
    >
      <strong className="font-semibold text-slate-900">
        No customers processed since {formatTimeOfDay(since, timeZone)}.
      </strong>{" "}
      The Recapture API may be busy with other uploads, or this one may have been cancelled outside the
      dashboard (the API doesn’t say). This page keeps checking.
    </p>
  );
}

/** Who stopped it and where it stood; the API itself never says an upload was cancelled. */
function CancelledNotice({ live: { parts, counters }, timeZone }: { live: LiveUpload; timeZone: string }) {
  const first = parts.find(({ part }) => part.cancelledAt !== null);
  if (!first?.part.cancelledAt) return null;
  const notCreated = counters.totalUploaded - counters.totalProcessed;
  return (
    <p className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      Cancelled{first.part.cancelledBy && ` by ${personLabel(first.part.cancelledBy)}`} at{" "}
      {formatDateTime(first.part.cancelledAt, timeZone)} with {formatCount(counters.totalProcessed)} of{" "}
      {formatCount(counters.totalUploaded)} customers processed. The other {formatCount(notCreated)} were not
      created.
    </p>
  );
}

const customersOf = (uploadId: string) => customersHref({ ...ALL_CUSTOMERS, uploadId });

function CustomersLinks({ parts }: { parts: LivePart[] }) {
  const withCustomers = parts.filter(({ counters }) => counters.totalProcessed > 0);
  if (withCustomers.length === 0) return null;
  if (withCustomers.length === 1 && parts.length === 1) {
    return (
      <div>
        <Link href={customersOf(withCustomers[0]!.part.id)} className={buttonStyles()}>
          View the customers of this upload
        </Link>
      </div>
    );
  }
  return (
    <nav aria-label="Customers of each part" className="flex flex-wrap gap-2">
      {withCustomers.map(({ part }) => (
        <Link key={part.id} href={customersOf(part.id)} className={buttonStyles({ variant: "secondary" })}>
          Customers of part {part.partNumber}
        </Link>
      ))}
    </nav>
  );
}
