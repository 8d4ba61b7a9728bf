import "server-only";
import type { Insertable, Selectable } from "kysely";
import type { SentPart } from "@/lib/uploads/register-schemas";
import { statesBefore, type SentPartState } from "@/lib/uploads/sent-part-state";
import { dashboardDatabase, database, type Db } from "./index";
import { inChunks } from "./in-list";
import { lockingRead } from "./write-locks";
import type { SentPartsTable } from "./schema";
import { updateUploadBatch } from "./uploads-register";

/**
 * The table of parts the dashboard sends (lib/server/db/migrations/uploads.ts), as rows.
 * Each function takes an optional `db`: a transaction, to be part of it, or
 * else the process's database.
 */

export type SentPartRow = Selectable<SentPartsTable>;

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

const CHANGEABLE = new Set<string>([
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
] satisfies (keyof SentPartChanges)[]);

export async function selectSentPart(id: string, db?: Db): Promise<SentPartRow | undefined> {
  return (db ?? (await database()))
    .selectFrom("sent_parts")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
}

/**
 * These parts, in id order. With `forUpdate`, inside a transaction, they stay
 * locked until it ends (see ./row-locks.ts); the id order keeps two
 * transactions locking the same parts from waiting on each other.
 */
export async function selectSentParts(
  ids: readonly string[],
  db?: Db,
  { forUpdate: locked = false } = {},
): Promise<SentPartRow[]> {
  const kysely = db ?? (await database());
  return inChunks([...ids].sort(), async (chunk) => {
    const query = kysely.selectFrom("sent_parts").selectAll().where("id", "in", chunk).orderBy("id");
    return (locked ? lockingRead((await dashboardDatabase()).engine, query) : query).execute();
  });
}

/**
 * Records a part as `sending`, unless a part with its id is already recorded
 * (a retry, or a request racing it): true when this call recorded it.
 */
export async function insertSendingPart(
  row: Omit<
    Insertable<SentPartsTable>,
    | "state"
    | "reason"
    | "finding"
    | "customers_found"
    | "upload_id"
    | "batch_id"
    | "part_number"
    | "checked_at"
  >,
  db?: Db,
): Promise<boolean> {
  const inserted = await (db ?? (await database()))
    .insertInto("sent_parts")
    .values({ ...row, state: "sending" })
    .onConflict((conflict) => conflict.column("id").doNothing())
    .returning("id")
    .executeTakeFirst();
  return inserted !== undefined;
}

/**
 * Moves a part to `to` only from a state allowed to lead there (see
 * sent-part-state.ts), so two answers racing (a late one and a check) can't
 * undo each other. Also updates `changes` when `to` is its current state and
 * staying is allowed (a check counting more customers). True when it moved.
 */
export async function moveSentPart(
  id: string,
  to: SentPartState,
  changes: SentPartChanges = {},
  options: { stay?: boolean } = {},
  db?: Db,
): Promise<boolean> {
  const from = statesBefore(to);
  if (options.stay) from.push(to);
  if (from.length === 0) return false;
  const changed = Object.fromEntries(
    Object.entries(changes).filter(([column]) => CHANGEABLE.has(column)),
  ) as SentPartChanges;
  const result = await (db ?? (await database()))
    .updateTable("sent_parts")
    .set({ ...changed, state: to })
    .where("id", "=", id)
    .where("state", "in", from)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Notes what a check saw without moving the part (it could not tell yet). */
export async function noteSentPartFinding(id: string, finding: string, checkedAt: string): Promise<void> {
  await (
    await database()
  )
    .updateTable("sent_parts")
    .set({ finding, checked_at: checkedAt })
    .where("id", "=", id)
    .where("state", "<>", "queued")
    .execute();
}

/** The request that sent it is over: brings `answer_due_by` forward to `at`, never back. */
export async function closeSentPartAnswerWindow(id: string, at: string): Promise<void> {
  await (
    await database()
  )
    .updateTable("sent_parts")
    .set({ answer_due_by: at })
    .where("id", "=", id)
    .where("answer_due_by", ">", at)
    .execute();
}

/** A part the API refused outright: nothing of it is upstream, so nothing is kept. */
export async function deleteSendingPart(id: string): Promise<void> {
  await (
    await database()
  )
    .deleteFrom("sent_parts")
    .where("id", "=", id)
    .where("state", "=", "sending")
    .execute();
}

/**
 * Parts left `sending` whose requests are over: every one (`overdueOnly`
 * false), or only those whose `answer_due_by` is `at` or earlier. Their
 * answer windows close at `at`. Returns how many.
 */
export async function interruptSendingParts(
  reason: string,
  at: string,
  { overdueOnly }: { overdueOnly: boolean },
): Promise<number> {
  const result = await (
    await database()
  )
    .updateTable("sent_parts")
    .set((eb) => ({
      state: "not_confirmed",
      reason,
      answer_due_by: eb.case().when("answer_due_by", ">", at).then(at).else(eb.ref("answer_due_by")).end(),
    }))
    .where("state", "=", "sending")
    .$if(overdueOnly, (query) => query.where("answer_due_by", "<=", at))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Joins parts to a new batch, in the order given, with the uploads they already have. */
export async function joinSentPartsToBatch(
  batchId: number,
  parts: readonly Pick<SentPartRow, "id" | "upload_id">[],
  db?: Db,
): Promise<void> {
  const kysely = db ?? (await database());
  for (const [index, part] of parts.entries()) {
    const place = { batch_id: batchId, part_number: index + 1 };
    await kysely.updateTable("sent_parts").set(place).where("id", "=", part.id).execute();
    if (part.upload_id) await updateUploadBatch(part.upload_id, place, kysely);
  }
}
