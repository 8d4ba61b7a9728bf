import "server-only";
import type { Insertable, Transaction } from "kysely";
import type { AuditEntry } from "@/lib/audit-entry";
import { env } from "@/lib/server/env";
import { database } from "./index";
import type { AuditLogTable, Tables } from "./schema";

export type NewAuditEntry = Omit<AuditEntry, "id" | "repeats">;

/**
 * The longest value kept in each text column. Entries carry what requests
 * sent (an email someone typed, a customer's name), so every write is cut
 * here, in one place, and no request can make a row large.
 */
export const AUDIT_TEXT_LIMITS = { userEmail: 254, action: 64, target: 254, detail: 500 } as const;

function cut(value: string | null, max: number): string | null {
  return value !== null && value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

function boundedRow(entry: NewAuditEntry): Insertable<AuditLogTable> {
  return {
    at: entry.at,
    user_id: entry.userId,
    user_email: cut(entry.userEmail, AUDIT_TEXT_LIMITS.userEmail),
    action: cut(entry.action, AUDIT_TEXT_LIMITS.action)!,
    target: cut(entry.target, AUDIT_TEXT_LIMITS.target),
    outcome: entry.outcome,
    detail: cut(entry.detail, AUDIT_TEXT_LIMITS.detail),
  };
}

export async function insertAuditEntry(entry: NewAuditEntry): Promise<void> {
  await write(entry.at, (trx) => trx.insertInto("audit_log").values(boundedRow(entry)).execute());
}

/**
 * Counts an event into the one row that stands for its group in the current
 * window (failed sign-ins from one address in 15 minutes, say), creating that
 * row for the group's first event. The row shows the latest event's time and
 * detail, and how many there were, so a storm of attempts adds one row, not
 * one per attempt.
 */
export async function recordSummarisedAuditEntry(
  entry: NewAuditEntry,
  group: { key: string; windowMs: number },
): Promise<void> {
  const window = Math.floor(Date.parse(entry.at) / group.windowMs);
  const summaryKey = `${cut(group.key, AUDIT_TEXT_LIMITS.target)} ${group.windowMs}/${window}`;
  await write(entry.at, (trx) =>
    trx
      .insertInto("audit_log")
      .values({ ...boundedRow(entry), summary_key: summaryKey })
      .onConflict((conflict) =>
        conflict
          .column("summary_key")
          .where("summary_key", "is not", null)
          .doUpdateSet((eb) => ({
            at: eb.ref("excluded.at"),
            target: eb.ref("excluded.target"),
            detail: eb.ref("excluded.detail"),
            repeats: eb("audit_log.repeats", "+", 1),
          })),
      )
      .execute(),
  );
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Every write also deletes entries older than AUDIT_RETENTION_DAYS, in the same
 * transaction: one indexed range delete that finds nothing almost every time,
 * so the log stays bounded without a timer of its own.
 */
async function write(at: string, insert: (trx: Transaction<Tables>) => Promise<unknown>): Promise<void> {
  const cutoff = new Date(Date.parse(at) - env().AUDIT_RETENTION_DAYS * DAY_MS).toISOString();
  await (await database()).transaction().execute(async (trx) => {
    await trx.deleteFrom("audit_log").where("at", "<", cutoff).execute();
    await insert(trx);
  });
}

/** One page of the log, newest first, with the total for the pager. */
export async function listAuditEntries(page: { limit: number; offset: number }): Promise<{
  entries: AuditEntry[];
  total: number;
}> {
  const db = await database();
  const entries = await db
    .selectFrom("audit_log")
    .select([
      "id",
      "at",
      "user_id as userId",
      "user_email as userEmail",
      "action",
      "target",
      "outcome",
      "detail",
      "repeats",
    ])
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const { total } = await db
    .selectFrom("audit_log")
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .executeTakeFirstOrThrow();
  return { entries, total };
}
