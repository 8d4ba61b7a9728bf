import "server-only";
import type { AuditEntry } from "@/lib/audit-entry";
import { env } from "@/lib/server/env";
import { db } from "./index";

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

function bounded(entry: NewAuditEntry): NewAuditEntry {
  return {
    ...entry,
    userEmail: cut(entry.userEmail, AUDIT_TEXT_LIMITS.userEmail),
    action: cut(entry.action, AUDIT_TEXT_LIMITS.action)!,
    target: cut(entry.target, AUDIT_TEXT_LIMITS.target),
    detail: cut(entry.detail, AUDIT_TEXT_LIMITS.detail),
  };
}

export function insertAuditEntry(entry: NewAuditEntry): void {
  write(entry.at, () =>
    db()
      .prepare(
        `INSERT INTO audit_log (at, user_id, user_email, action, target, outcome, detail)
         VALUES (@at, @userId, @userEmail, @action, @target, @outcome, @detail)`,
      )
      .run(bounded(entry)),
  );
}

/**
 * Counts an event into the one row that stands for its group in the current
 * window (failed sign-ins from one address in 15 minutes, say), creating that
 * row for the group's first event. The row shows the latest event's time and
 * detail, and how many there were, so a storm of attempts adds one row, not
 * one per attempt.
 */
export function recordSummarisedAuditEntry(
  entry: NewAuditEntry,
  group: { key: string; windowMs: number },
): void {
  const window = Math.floor(Date.parse(entry.at) / group.windowMs);
  const summaryKey = `${cut(group.key, AUDIT_TEXT_LIMITS.target)} ${group.windowMs}/${window}`;
  write(entry.at, () =>
    db()
      .prepare(
        `INSERT INTO audit_log (at, user_id, user_email, action, target, outcome, detail, summary_key)
         VALUES (@at, @userId, @userEmail, @action, @target, @outcome, @detail, @summaryKey)
         ON CONFLICT (summary_key) WHERE summary_key IS NOT NULL DO UPDATE SET
           at = excluded.at, target = excluded.target, detail = excluded.detail, repeats = audit_log.repeats + 1`,
      )
      .run({ ...bounded(entry), summaryKey }),
  );
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Every write also deletes entries older than AUDIT_RETENTION_DAYS: one
 * indexed range delete that finds nothing almost every time, so the log stays
 * bounded without a timer of its own.
 */
function write(at: string, insert: () => void): void {
  const cutoff = new Date(Date.parse(at) - env().AUDIT_RETENTION_DAYS * DAY_MS).toISOString();
  db().transaction(() => {
    db().prepare("DELETE FROM audit_log WHERE at < ?").run(cutoff);
    insert();
  })();
}

/** One page of the log, newest first, with the total for the pager. */
export function listAuditEntries(page: { limit: number; offset: number }): {
  entries: AuditEntry[];
  total: number;
} {
  const entries = db()
    .prepare(
      `SELECT id, at, user_id AS userId, user_email AS userEmail, action, target, outcome, detail, repeats
       FROM audit_log ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`,
    )
    .all(page.limit, page.offset) as AuditEntry[];
  const { total } = db().prepare("SELECT COUNT(*) AS total FROM audit_log").get() as { total: number };
  return { entries, total };
}
