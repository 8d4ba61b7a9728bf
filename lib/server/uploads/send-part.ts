import "server-only";
import { LATE_ANSWER_TIMEOUTS, type RecaptureClient } from "@/lib/server/recapture-client";
import { isRecaptureError, type RecaptureErrorCode } from "@/lib/recapture/errors";
import type { Region } from "@/lib/recapture/regions";
import type { Upload, UploadRequest } from "@/lib/recapture/schemas";
import type { SessionUser } from "@/lib/server/auth/sessions";
import { DomainError } from "@/lib/server/domain-error";
import { audited } from "@/lib/server/audit";
import { withPartReference } from "@/lib/server/uploads/part-reference";
import { findRegisteredUploadAnswer } from "@/lib/server/uploads/register";
import {
  closeAnswerWindow,
  forgetRefusedPart,
  recordPartNotConfirmed,
  recordPartQueued,
  startSending,
} from "@/lib/server/uploads/sent-parts";

/**
 * Failures after which the upload may or may not be queued upstream: the API
 * took too long, the connection broke, its answer couldn't be read, or it
 * failed on its side. A 4xx is a refusal: nothing was queued.
 */
const AMBIGUOUS: Partial<Record<RecaptureErrorCode, string>> = {
  upstream_timeout: "The Recapture API took too long to answer.",
  upstream_unreachable: "The connection to the Recapture API failed before its answer arrived.",
  upstream_invalid_response: "The Recapture API's answer couldn't be read.",
  upstream_error: "The Recapture API answered with an error on its side.",
};

/** Why the part's fate is open, or undefined when the failure says nothing was queued. */
function ambiguity(error: unknown): string | undefined {
  if (error instanceof DomainError) return undefined;
  if (!isRecaptureError(error)) return "Something went wrong on the dashboard's side while sending it.";
  return AMBIGUOUS[error.code];
}

export interface SendPartOptions {
  partId: string;
  body: UploadRequest;
  region: Region;
  user: SessionUser;
  client: RecaptureClient;
  timeoutMs: number;
  now?: () => Date;
}

/**
 * Sends one part of an upload so that it is never queued twice: the intent is
 * recorded first, each customer carries the part's id, the answer (even one
 * arriving after the timeout) records the upload, and a failure that leaves
 * the part's fate open records it as not confirmed and answers so, instead of
 * inviting a blind resend.
 */
export async function sendUploadPart({
  partId,
  body,
  region,
  user,
  client,
  timeoutMs,
  now = () => new Date(),
}: SendPartOptions): Promise<Upload> {
  const started = now();
  const answerDueBy = new Date(started.getTime() + timeoutMs * (1 + LATE_ANSWER_TIMEOUTS));
  const replay = await startSending(
    { id: partId, region, name: body.name, customers: body.customers.length },
    user,
    { now: started, answerDueBy },
  );
  if (replay) return replay.queued;

  try {
    const { upload } = await audited(user, "upload.create", body.name, () =>
      client.uploadCustomers(withPartReference(body, partId), {
        region,
        onLateAnswer: (answer) => void recordLateAnswer(partId, answer?.upload, now()),
      }),
    );
    try {
      await recordPartQueued(partId, upload, now());
    } catch (error) {
      // The upload is queued upstream whatever happens here; the part stays `sending` and a check settles it.
      console.error(`Could not record upload ${upload.id} (part ${partId}) in the register:`, error);
    }
    return upload;
  } catch (error) {
    const reason = ambiguity(error);
    if (reason === undefined) {
      await forgetRefusedPart(partId);
      throw error;
    }
    if (!(isRecaptureError(error) && error.code === "upstream_timeout"))
      await closeAnswerWindow(partId, now());
    const part = await recordPartNotConfirmed(partId, reason);
    // The late answer may have come already, in which case the part is simply queued.
    const answered =
      part?.state === "queued" && part.uploadId && (await findRegisteredUploadAnswer(part.uploadId));
    if (answered) return answered;
    throw new DomainError(
      "upstream_failed",
      "upload_not_confirmed",
      `${part?.reason ?? reason} It may still have been queued, so it won't be sent again until the dashboard has checked whether it arrived.`,
      { upstreamStatus: isRecaptureError(error) ? error.status : undefined },
    );
  }
}

/**
 * How a request that timed out ended, told after its caller has gone: the
 * upload it queued, or nothing (a failure, or no answer in time). Nobody
 * awaits this, so a failure to record it is logged; the part stays as it was
 * and a check settles it.
 */
async function recordLateAnswer(partId: string, upload: Upload | undefined, now: Date): Promise<void> {
  try {
    if (upload) await recordPartQueued(partId, upload, now);
    else await closeAnswerWindow(partId, now);
  } catch (error) {
    console.error(`Could not record the late answer to part ${partId} in the register:`, error);
  }
}
