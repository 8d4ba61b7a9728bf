import "server-only";
import type { Region } from "@/lib/recapture/regions";
import type { Upload } from "@/lib/recapture/schemas";
import type { SessionUser } from "@/lib/server/auth/sessions";
import { db } from "@/lib/server/db";
import {
  closeSentPartAnswerWindow,
  deleteSendingPart,
  insertSendingPart,
  interruptSendingParts,
  joinUploadToPartBatch,
  moveSentPart,
  noteSentPartFinding,
  selectSentPart,
  toSentPart,
} from "@/lib/server/db/sent-part-rows";
import { DomainError } from "@/lib/server/domain-error";
import { findRegisteredUploadAnswer, registerUpload } from "@/lib/server/uploads/register";
import type { SentPart } from "@/lib/uploads/register-schemas";
import { maySend, type SentPartState } from "@/lib/uploads/sent-part-state";

/**
 * The register's record of each part the dashboard sends, moved through the
 * states of lib/uploads/sent-part-state.ts. Every move is conditional on the
 * state it comes from, so a late answer, a check and a restart can race
 * without undoing one another.
 */

export const INTERRUPTED_REASON = "The dashboard stopped while this part was being sent.";
const UNRECORDED_REASON = "The dashboard never recorded the Recapture API's answer to this part.";

export interface PartToSend {
  id: string;
  region: Region;
  name: string;
  customers: number;
}

export function findSentPart(id: string): SentPart | undefined {
  const row = selectSentPart(id);
  return row && toSentPart(row);
}

/** When the request that sent a part is over at the latest, in epoch ms (0 for an unknown part). */
export function answerDueBy(id: string): number {
  const row = selectSentPart(id);
  return row ? Date.parse(row.answer_due_by) : 0;
}

const CONFLICTS: Partial<Record<SentPartState, [code: string, message: string]>> = {
  sending: ["part_in_progress", "This part is being sent right now. Wait for the Recapture API's answer."],
  not_confirmed: [
    "part_not_confirmed",
    "The Recapture API never confirmed this part, so it may already be queued. It can only be sent again once a check finds it didn't arrive.",
  ],
  arrived: [
    "part_already_received",
    "This part already reached the Recapture API; sending it again would queue its customers twice.",
  ],
};

/**
 * Records the intent to send a part, before its request leaves. A part sent
 * before answers with its upload when it is queued (a retry of a request
 * whose answer was lost on the way to the browser); a part that may be
 * upstream is refused with 409. Only one that never left, or that a check
 * found did not arrive, is sent (again).
 */
export function startSending(
  part: PartToSend,
  user: SessionUser,
  { now, answerDueBy }: { now: Date; answerDueBy: Date },
): { queued: Upload } | undefined {
  const database = db();
  return database.transaction(() => {
    const existing = selectSentPart(part.id);
    if (existing && existing.sent_by_user_id !== user.id) {
      throw new DomainError(
        "conflict",
        "part_id_taken",
        "This part id belongs to an upload someone else sent.",
      );
    }
    if (existing?.state === "queued" && existing.upload_id) {
      const queued = findRegisteredUploadAnswer(existing.upload_id);
      if (queued) return { queued };
    }
    if (existing && !maySend(existing.state)) {
      const [code, message] = CONFLICTS[existing.state] ?? CONFLICTS.arrived!;
      throw new DomainError("conflict", code, message);
    }
    const times = { sent_at: now.toISOString(), answer_due_by: answerDueBy.toISOString() };
    if (existing) {
      moveSentPart(part.id, "sending", { ...times, reason: null, finding: null, checked_at: null });
      return undefined;
    }
    insertSendingPart({
      id: part.id,
      region: part.region,
      name: part.name,
      customers: part.customers,
      sent_by_user_id: user.id,
      sent_by_email: user.email,
      sent_by_name: user.name,
      ...times,
    });
    return undefined;
  })();
}

/**
 * The API's answer, on time or late: the upload joins the register (and the
 * part's batch, if the part was grouped while its answer was awaited).
 */
export function recordPartQueued(partId: string, upload: Upload, now = new Date()): void {
  const database = db();
  database.transaction(() => {
    const part = selectSentPart(partId);
    if (!part || part.state === "queued") return;
    registerUpload(
      upload,
      {
        region: part.region,
        user: { id: part.sent_by_user_id, email: part.sent_by_email, name: part.sent_by_name },
        source: "dashboard",
        recordedAt: part.sent_at,
      },
      now,
    );
    if (moveSentPart(partId, "queued", { upload_id: upload.id, finding: null }))
      joinUploadToPartBatch(partId);
  })();
}

/** An ambiguous failure: the part may or may not be upstream. Returns the part as it now stands. */
export function recordPartNotConfirmed(partId: string, reason: string): SentPart | undefined {
  moveSentPart(partId, "not_confirmed", { reason });
  return findSentPart(partId);
}

/** A `sending` part whose request is long over without its answer recorded (a failed register write). */
export function recordAnswerUnrecorded(partId: string): void {
  moveSentPart(partId, "not_confirmed", { reason: UNRECORDED_REASON });
}

/** The request that sent the part is over (a late answer that was a failure, or none came). */
export function closeAnswerWindow(partId: string, now = new Date()): void {
  closeSentPartAnswerWindow(partId, now.toISOString());
}

/** The API refused the part outright (a 4xx): nothing of it is upstream, so nothing is kept. */
export function forgetRefusedPart(partId: string): void {
  deleteSendingPart(partId);
}

/** At start-up: parts a stopped process left `sending` are not confirmed, their requests over. */
export function recoverInterruptedSends(now = new Date()): number {
  return interruptSendingParts(INTERRUPTED_REASON, now.toISOString());
}

/** What a check found: some of its customers upstream (counted), none, or nothing it can tell yet. */
export type PartFinding =
  | { verdict: "arrived"; customersFound: number; finding: string }
  | { verdict: "not_arrived"; finding: string }
  | { verdict: "unknown"; finding: string };

export function recordPartFinding(partId: string, result: PartFinding, now = new Date()): void {
  const checkedAt = now.toISOString();
  if (result.verdict === "arrived") {
    moveSentPart(
      partId,
      "arrived",
      { customers_found: result.customersFound, finding: result.finding, checked_at: checkedAt },
      { stay: true },
    );
  } else if (result.verdict === "not_arrived") {
    moveSentPart(partId, "not_arrived", { finding: result.finding, checked_at: checkedAt }, { stay: true });
  } else {
    noteSentPartFinding(partId, result.finding, checkedAt);
  }
}
