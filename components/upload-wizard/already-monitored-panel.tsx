import { useState } from "react";
import type { ReviewCounts } from "@/lib/csv";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { MonitoredCheck } from "@/components/upload-wizard/use-monitored-check";
import { formatCount } from "@/lib/format";

export interface AlreadyMonitoredPanelProps {
  check: MonitoredCheck | undefined;
  counts: ReviewCounts;
  busy: boolean;
  onRetry: () => void;
  onSendAnyway: (send: boolean) => void;
}

export const NOT_CHECKED = "Couldn't check which cars are already monitored";

/** "Couldn't check … : the customer index is still being built", or undefined once checked or while checking. */
export function monitoredCheckProblem(check: MonitoredCheck | undefined): string | undefined {
  if (check?.phase === "index-not-ready") return `${NOT_CHECKED}: the customer index is still being built`;
  if (check?.phase === "failed") return `${NOT_CHECKED}: ${check.message}`;
  return undefined;
}

/**
 * The check of the file's cars against the customer index: its progress, why it
 * couldn't be made (the rows are then sent as they are), or the rows whose car is
 * monitored already with the one choice to send them anyway.
 */
export function AlreadyMonitoredPanel({
  check,
  counts,
  busy,
  onRetry,
  onSendAnyway,
}: AlreadyMonitoredPanelProps) {
  // The worker recounts the rows after the choice: the box shows it at once meanwhile, as a checkbox should.
  // The choice stands until the counts move off the value it was made over.
  const [choice, setChoice] = useState<{ send: boolean; over: boolean }>();
  const sendAnyway =
    choice && choice.over === counts.sendAlreadyMonitored ? choice.send : counts.sendAlreadyMonitored;
  if (!check) return null;
  const problem = monitoredCheckProblem(check);
  if (check.phase === "checking") {
    return (
      <div className="flex max-w-2xl flex-col gap-2 text-sm text-brand-700" data-testid="monitored-check">
        <p className="inline-flex items-center gap-2">
          <Spinner /> Checking which cars are already monitored
          {check.total > 0 && `: ${formatCount(check.done)} of ${formatCount(check.total)}`}…
        </p>
        {check.total > 0 && (
          <div
            role="progressbar"
            aria-label="Cars checked against the customer index"
            aria-valuemin={0}
            aria-valuemax={check.total}
            aria-valuenow={check.done}
            className="h-1.5 overflow-hidden rounded-full bg-slate-200"
          >
            <div className="h-full bg-brand-600" style={{ width: `${(check.done / check.total) * 100}%` }} />
          </div>
        )}
      </div>
    );
  }
  if (problem) {
    return (
      <Alert tone={check.phase === "failed" ? "danger" : "warning"} title={problem} className="max-w-2xl">
        <p>The rows are sent as they are, whether or not their cars are monitored already.</p>
        {check.phase === "failed" && (
          <Button variant="secondary" className="mt-2" onClick={onRetry}>
            Retry the check
          </Button>
        )}
      </Alert>
    );
  }
  if (counts.alreadyMonitored === 0) {
    return (
      <p className="text-sm text-slate-600" data-testid="monitored-check">
        None of these cars is monitored already.
      </p>
    );
  }
  return (
    <div
      className="flex max-w-2xl flex-col gap-2 rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-brand-900"
      data-testid="monitored-check"
    >
      <p className="font-semibold">
        {formatCount(counts.alreadyMonitored)} already monitored —{" "}
        {counts.sendAlreadyMonitored ? "sent anyway" : "not sent"}
      </p>
      <p id="send-monitored-hint">
        {counts.alreadyMonitored === 1 ? "This row's car is" : "These rows' cars are"} already watched for a
        customer, linked beside each row. Sending {counts.alreadyMonitored === 1 ? "it" : "them"} again adds a
        second customer for the same car.
      </p>
      <div className="flex items-center gap-2">
        <input
          id="send-monitored"
          type="checkbox"
          checked={sendAnyway}
          disabled={busy}
          onChange={(event) => {
            setChoice({ send: event.currentTarget.checked, over: counts.sendAlreadyMonitored });
            onSendAnyway(event.currentTarget.checked);
          }}
          aria-describedby="send-monitored-hint"
          className="h-4 w-4 rounded border-slate-300 accent-brand-600"
        />
        <label htmlFor="send-monitored" className="font-medium">
          Send them anyway
        </label>
      </div>
    </div>
  );
}
