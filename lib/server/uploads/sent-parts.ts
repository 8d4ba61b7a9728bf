import "server-only";
import type { Region } from "@/lib/recapture/regions";
import type { Upload } from "@/lib/recapture/schemas";
import type { SessionUser } from "@/lib/server/auth/sessions";
import { dashboardDatabase, database, type Db } from "@/lib/server/db";
import {
  closeSentPartAnswerWindow,
  deleteSendingPart,
  insertSendingPart,
  interruptSendingParts,
  moveSentPart,
  noteSentPartFinding,
  selectSentPart,
  selectSentParts,
  toSentPart,
} from "@/lib/server/db/sent-part-rows";
import { updateUploadBatch } from "@/lib/server/db/uploads-register";
import { DomainError } from "@/lib/server/domain-error";
import { findRegisteredUploadAnswer, registerUpload } from "@/lib/server/uploads/register";
import type { SentPart } from "@/lib/uploads/register-schemas";
import { maySend, type SentPartState } from "@/lib/uploads/sent-part-state";

/**
 * The register's record of each part the dashboard sends, moved through the
 * states of lib/uploads/sent-part-state.ts. Every move is conditional on the
 * state it comes from, so a late answer, a check and a restart can race
 * without undoing one another, in one process or across instances sharing
 * PostgreSQL; where a decision reads the part before writing, the part is
 * locked for it (see lib/server/db/row-locks.ts).
 */

export const INTERRUPTED_REASON = "The dashboard stopped while this part was being sent.";
const UNRECORDED_REASON = "The dashboard never recorded the Recapture API's answer to this part.";

export interface PartToSend {
  id: string;
  region: Region;
  name: string;
  customers: number;
}

export async function findSentPart(id: string): Promise<SentPart | undefined> {
  const row = await selectSentPart(id);
  return row && toSentPart(row);
}

/** When the request that sent a part is over at the latest, in epoch ms (0 for an unknown part). */
export async function answerDueBy(id: string): Promise<number> {
  const row = await selectSentPart(id);
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

/** The part, locked until the transaction `trx` ends. */
async function lockSentPart(id: string, trx: Db) {
  const [row] = await selectSentParts([id], trx, { forUpdate: true });
  return row;
}

/**
 * Records the intent to send a part, before its request leaves. A part sent
 * before answers with its upload when it is queued (a retry of a request
 * whose answer was lost on the way to the browser); a part that may be
 * upstream is refused with 409. Only one that never left, or that a check
 * found did not arrive, is sent (again).
 */
export async function startSending(
  part: PartToSend,
  user: SessionUser,
  { now, answerDueBy }: { now: Date; answerDueBy: Date },
): Promise<{ queued: Upload } | undefined> {
  const times = { sent_at: now.toISOString(), answer_due_by: answerDueBy.toISOString() };
  return (await database()).transaction().execute(async (trx) => {
    // Claimed by inserting first: of two requests sending one new part, only one records it.
    const claimed = await insertSendingPart(
      {
        id: part.id,
        region: part.region,
        name: part.name,
        customers: part.customers,
        sent_by_user_id: user.id,
        sent_by_email: user.email,
        sent_by_name: user.name,
        ...times,
      },
      trx,
    );
    if (claimed) return undefined;
    const existing = await lockSentPart(part.id, trx);
    if (existing && existing.sent_by_user_id !== user.id) {
      throw new DomainError(
        "conflict",
        "part_id_taken",
        "This part id belongs to an upload someone else sent.",
      );
    }
    if (existing?.state === "queued" && existing.upload_id) {
      const queued = await findRegisteredUploadAnswer(existing.upload_id, trx);
      if (queued) return { queued };
    }
    // No row after all: the request that held the id was refused meanwhile, and its part forgotten.
    if (!existing || !maySend(existing.state)) {
      const [code, message] = CONFLICTS[existing?.state ?? "sending"] ?? CONFLICTS.arrived!;
      throw new DomainError("conflict", code, message);
    }
    await moveSentPart(
      part.id,
      "sending",
      { ...times, reason: null, finding: null, checked_at: null },
      {},
      trx,
    );
    return undefined;
  });
}

/**
 * The API's answer, on time or late: the upload joins the register (and the
 * part's batch, if the part was grouped while its answer was awaited).
 */
export async function recordPartQueued(partId: string, upload: Upload, now = new Date()): Promise<void> {
  await (await database()).transaction().execute(async (trx) => {
    const part = await lockSentPart(partId, trx);
    if (!part || part.state === "queued") return;
    await registerUpload(
      upload,
      {
        region: part.region,
        user: { id: part.sent_by_user_id, email: part.sent_by_email, name: part.sent_by_name },
        source: "dashboard",
        recordedAt: part.sent_at,
      },
      now,
      trx,
    );
    const moved = await moveSentPart(partId, "queued", { upload_id: upload.id, finding: null }, {}, trx);
    if (moved && part.batch_id !== null) {
      await updateUploadBatch(upload.id, { batch_id: part.batch_id, part_number: part.part_number }, trx);
    }
  });
}

/** An ambiguous failure: the part may or may not be upstream. Returns the part as it now stands. */
export async function recordPartNotConfirmed(partId: string, reason: string): Promise<SentPart | undefined> {
  await moveSentPart(partId, "not_confirmed", { reason });
  return findSentPart(partId);
}

/** A `sending` part whose request is long over without its answer recorded (a failed register write). */
export async function recordAnswerUnrecorded(partId: string): Promise<void> {
  await moveSentPart(partId, "not_confirmed", { reason: UNRECORDED_REASON });
}

/** The request that sent the part is over (a late answer that was a failure, or none came). */
export async function closeAnswerWindow(partId: string, now = new Date()): Promise<void> {
  await closeSentPartAnswerWindow(partId, now.toISOString());
}

/** The API refused the part outright (a 4xx): nothing of it is upstream, so nothing is kept. */
export async function forgetRefusedPart(partId: string): Promise<void> {
  await deleteSendingPart(partId);
}

/**
 * At start-up: parts a stopped process left `sending` are not confirmed, their
 * requests over. A SQLite file has one server, so every such part was this
 * server's before it stopped. Instances sharing PostgreSQL may be sending
 * right now, so only parts whose requests are over at the latest are taken.
 * Returns how many.
 */
export async function recoverInterruptedSends(now = new Date()): Promise<number> {
  if ((await dashboardDatabase()).shared) return recoverOverdueSends(now);
  return interruptSendingParts(INTERRUPTED_REASON, now.toISOString(), { overdueOnly: false });
}

/**
 * Parts still `sending` after their request is over at the latest: whoever
 * sent them never recorded the answer (their instance stopped, or the
 * register write failed), so they are not confirmed. For a periodic job when
 * instances share a database, where start-up can't take them all. Returns how many.
 */
export async function recoverOverdueSends(now = new Date()): Promise<number> {
  return interruptSendingParts(UNRECORDED_REASON, now.toISOString(), { overdueOnly: true });
}

/** What a check found: some of its customers upstream (counted), none, or nothing it can tell yet. */
export type PartFinding =
  | { verdict: "arrived"; customersFound: number; finding: string }
  | { verdict: "not_arrived"; finding: string }
  | { verdict: "unknown"; finding: string };

export async function recordPartFinding(
  partId: string,
  result: PartFinding,
  now = new Date(),
): Promise<void> {
  const checkedAt = now.toISOString();
  if (result.verdict === "arrived") {
    await moveSentPart(
      partId,
      "arrived",
      { customers_found: result.customersFound, finding: result.finding, checked_at: checkedAt },
      { stay: true },
    );
  } else if (result.verdict === "not_arrived") {
    await moveSentPart(
      partId,
      "not_arrived",
      { finding: result.finding, checked_at: checkedAt },
      { stay: true },
    );
  } else {
    await noteSentPartFinding(partId, result.finding, checkedAt);
  }
}
