"use client";

import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatDateTime, formatQuantity } from "@/lib/format";
import { useCheckSentPart } from "@/lib/queries/upload-parts";
import type { SentPart } from "@/lib/uploads/register-schemas";
import type { SentPartState } from "@/lib/uploads/sent-part-state";

export interface SentPartStatusProps {
  part: SentPart;
  /** Parts in its file, to say "part 2 of 3"; 1 for an upload sent whole. */
  parts: number;
  canCheck: boolean;
  timeZone: string;
}

const looks: Record<Exclude<SentPartState, "queued">, { tone: BadgeTone; label: string }> = {
  sending: { tone: "brand", label: "Sending…" },
  not_confirmed: { tone: "warning", label: "Not confirmed" },
  arrived: { tone: "success", label: "Received, upload id unknown" },
  not_arrived: { tone: "danger", label: "Did not arrive" },
};

function explanation(part: SentPart): string {
  switch (part.state) {
    case "sending":
      return "Waiting for the Recapture API's answer.";
    case "not_confirmed":
      return `${part.reason ?? "The Recapture API never confirmed it."} It may be queued, so it won't be sent again until a check shows it didn't arrive.`;
    case "arrived":
      return "The Recapture API received it, but its answer (with the upload id) was lost, so its progress can't be followed here.";
    default:
      return `Its ${formatQuantity(part.customers, "customer")} were not queued: send the file again from New upload.`;
  }
}

/** A part the dashboard sent that has no upload id: where it stands, why, and "Check again". */
export function SentPartStatus({ part, parts, canCheck, timeZone }: SentPartStatusProps) {
  const check = useCheckSentPart();
  // A queued part has its upload and shows as one; it only passes through here between two reads.
  const look = looks[part.state === "queued" ? "arrived" : part.state];
  const mayCheck = canCheck && (part.state === "not_confirmed" || part.state === "arrived");
  const label = parts > 1 ? `Part ${part.partNumber} of ${parts}` : null;
  return (
    <div className="flex min-w-56 max-w-md flex-col gap-1.5 text-xs text-slate-600">
      <div className="flex flex-wrap items-center gap-2">
        {label && <span className="font-medium text-slate-900">{label}</span>}
        <Badge tone={look.tone}>{look.label}</Badge>
      </div>
      <p>{explanation(part)}</p>
      {part.finding && (
        <p>
          {part.checkedAt && <>Checked {formatDateTime(part.checkedAt, timeZone)}: </>}
          {part.finding}
        </p>
      )}
      {check.isError && (
        <p role="alert" className="text-red-700">
          {check.error.message}
        </p>
      )}
      {mayCheck && (
        <div>
          <Button
            variant="secondary"
            size="sm"
            disabled={check.isPending}
            onClick={() => check.mutate(part.id)}
          >
            {check.isPending ? "Checking…" : "Check again"}
          </Button>
        </div>
      )}
    </div>
  );
}
