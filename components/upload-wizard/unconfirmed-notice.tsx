import { Alert } from "@/components/ui/alert";
import { Spinner } from "@/components/ui/spinner";
import type { UnconfirmedPart } from "@/components/upload-wizard/use-send-upload";

export interface UnconfirmedNoticeProps {
  unconfirmed: UnconfirmedPart;
  parts: number;
}

/**
 * A part whose request failed without saying whether the API queued it: what
 * happened, what the dashboard is doing about it, and what the person may do.
 */
export function UnconfirmedNotice({
  unconfirmed: { index, reason, check, finding },
  parts,
}: UnconfirmedNoticeProps) {
  const subject = parts > 1 ? `Part ${index + 1} of ${parts}` : "This upload";
  if (check === "not_arrived") {
    return (
      <Alert tone="warning" title="It did not arrive">
        <p>
          {subject} wasn&apos;t confirmed: {reason}
        </p>
        <p className="mt-2">{finding}</p>
        <p className="mt-2">Nothing of it was queued, so sending it now makes no second copy.</p>
      </Alert>
    );
  }
  if (check === "failed") {
    return (
      <Alert tone="danger" title={`${subject} is not confirmed, and it couldn't be checked`}>
        <p>{reason}</p>
        <p className="mt-2">{finding}</p>
        <p className="mt-2">It won&apos;t be sent again until a check shows it didn&apos;t arrive.</p>
      </Alert>
    );
  }
  return (
    <Alert
      tone="warning"
      title={
        <span className="inline-flex items-center gap-2">
          <Spinner /> Not confirmed — checking whether the API received{" "}
          {parts > 1 ? `part ${index + 1}` : "it"}…
        </span>
      }
    >
      <p>{reason} The dashboard won&apos;t send it again while it may already be queued.</p>
      {check === "waiting" && finding && (
        <p role="status" className="mt-2">
          {finding} Checking again in a few seconds.
        </p>
      )}
    </Alert>
  );
}
