import "server-only";
import type { Region } from "@/lib/recapture/regions";
import type { SentPart } from "@/lib/uploads/register-schemas";
import { statesBefore, type SentPartState } from "@/lib/uploads/sent-part-state";
import { db } from "./index";
import { inChunks } from "./in-list";

/** The table of parts the dashboard sends (lib/server/db/migrations/uploads.ts), as rows. */

export interface SentPartRow {
  id: string;
  region: Region;
  name: string;
  customers: number;
  state: SentPartState;
  reason: string | null;
  finding: string | null;
  customers_found: number | null;
  upload_id: string | null;
  batch_id: number | null;
  part_number: number;
  sent_by_user_id: number;
  sent_by_email: string;
  sent_by_name: string | null;
  sent_at: string;
  answer_due_by: string;
  checked_at: string | null;
}

export function toSentPart(row: SentPartRow): SentPart {
  return {
    id: row.id,
    name: row.name,
    region: row.region,
    partNumber: row.part_number,
    customers: row.customers,
    state: row.state,
    reason: row.reason,
    finding: row.finding,
    customersFound: row.customers_found,
    uploadId: row.upload_id,
    sentBy: { email: row.sent_by_email, name: row.sent_by_name },
    sentAt: row.sent_at,
    checkedAt: row.checked_at,
  };
}

/** What a move may change besides the state. */
export type SentPartChanges = Partial<
  Pick<
    SentPartRow,
    | "reason"
    | "finding"
    | "customers_found"
    | "upload_id"
    | "sent_at"
    | "answer_due_by"
    | "checked_at"
    | "sent_by_user_id"
    | "sent_by_email"
    | "sent_by_name"
  >
>;

const CHANGEABLE = new Set<keyof SentPartChanges>([
  "reason",
  "finding",
  "customers_found",
  "upload_id",
  "sent_at",
  "answer_due_by",
  "checked_at",
  "sent_by_user_id",
  "sent_by_email",
  "sent_by_name",
]);

export function selectSentPart(id: string): SentPartRow | undefined {
  return db().prepare("SELECT * FROM sent_parts WHERE id = ?").get(id) as SentPartRow | undefined;
}

export function selectSentParts(ids: readonly string[]): SentPartRow[] {
  return inChunks(
    ids,
    (chunk, placeholders) =>
      db()
        .prepare(`SELECT * FROM sent_parts WHERE id IN (${placeholders})`)
        .all(...chunk) as SentPartRow[],
  );
}

export function insertSendingPart(
  row: Omit<
    SentPartRow,
    | "state"
    | "reason"
    | "finding"
    | "customers_found"
    | "upload_id"
    | "batch_id"
    | "part_number"
    | "checked_at"
  >,
): void {
  db()
    .prepare(
      `INSERT INTO sent_parts (id, region, name, customers, state, sent_by_user_id, sent_by_email, sent_by_name,
         sent_at, answer_due_by)
       VALUES (@id, @region, @name, @customers, 'sending', @sent_by_user_id, @sent_by_email, @sent_by_name,
         @sent_at, @answer_due_by)`,
    )
    .run(row);
}

/**
 * Moves a part to `to` only from a state allowed to lead there (see
 * sent-part-state.ts), so two answers racing (a late one and a check) can't
 * undo each other. Also updates `changes` when `to` is its current state and
 * staying is allowed (a check counting more customers). True when it moved.
 */
export function moveSentPart(
  id: string,
  to: SentPartState,
  changes: SentPartChanges = {},
  options: { stay?: boolean } = {},
): boolean {
  const from = statesBefore(to);
  if (options.stay) from.push(to);
  if (from.length === 0) return false;
  const columns = Object.keys(changes).filter((column) => CHANGEABLE.has(column as keyof SentPartChanges));
  const assignments = ["state = @to", ...columns.map((column) => `${column} = @${column}`)].join(", ");
  const result = db()
    .prepare(
      `UPDATE sent_parts SET ${assignments} WHERE id = @id AND state IN (${from.map((state) => `'${state}'`).join(", ")})`,
    )
    .run({ ...changes, id, to });
  return result.changes > 0;
}

/** Notes what a check saw without moving the part (it could not tell yet). */
export function noteSentPartFinding(id: string, finding: string, checkedAt: string): void {
  db()
    .prepare("UPDATE sent_parts SET finding = ?, checked_at = ? WHERE id = ? AND state <> 'queued'")
    .run(finding, checkedAt, id);
}

/** The request that sent it is over: brings `answer_due_by` forward to `at`, never back. */
export function closeSentPartAnswerWindow(id: string, at: string): void {
  db().prepare("UPDATE sent_parts SET answer_due_by = ? WHERE id = ? AND answer_due_by > ?").run(at, id, at);
}

/** A part the API refused outright: nothing of it is upstream, so nothing is kept. */
export function deleteSendingPart(id: string): void {
  db().prepare("DELETE FROM sent_parts WHERE id = ? AND state = 'sending'").run(id);
}

/** Parts left `sending` by a process that stopped: their requests died with it. Returns how many. */
export function interruptSendingParts(reason: string, at: string): number {
  return db()
    .prepare(
      `UPDATE sent_parts SET state = 'not_confirmed', reason = ?,
         answer_due_by = CASE WHEN answer_due_by > ? THEN ? ELSE answer_due_by END
       WHERE state = 'sending'`,
    )
    .run(reason, at, at).changes;
}

/** Joins parts to a new batch, in the order given. */
export function joinSentPartsToBatch(batchId: number, ids: readonly string[]): void {
  const join = db().prepare("UPDATE sent_parts SET batch_id = ?, part_number = ? WHERE id = ?");
  const joinUpload = db().prepare(
    "UPDATE uploads SET batch_id = ?, part_number = ? WHERE id = (SELECT upload_id FROM sent_parts WHERE id = ?)",
  );
  ids.forEach((id, index) => {
    join.run(batchId, index + 1, id);
    joinUpload.run(batchId, index + 1, id);
  });
}

/** A part grouped before its late answer came: its upload joins the part's batch. */
export function joinUploadToPartBatch(partId: string): void {
  db()
    .prepare(
      `UPDATE uploads SET
         batch_id = (SELECT batch_id FROM sent_parts WHERE id = @partId),
         part_number = (SELECT part_number FROM sent_parts WHERE id = @partId)
       WHERE id = (SELECT upload_id FROM sent_parts WHERE id = @partId AND batch_id IS NOT NULL)`,
    )
    .run({ partId });
}
