import "server-only";
import { db } from "./index";

export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  userEmail: string | null;
  action: string;
  target: string | null;
  outcome: "success" | "failure";
  detail: string | null;
}

export function insertAuditEntry(entry: Omit<AuditEntry, "id">): void {
  db()
    .prepare(
      `INSERT INTO audit_log (at, user_id, user_email, action, target, outcome, detail)
       VALUES (@at, @userId, @userEmail, @action, @target, @outcome, @detail)`,
    )
    .run(entry);
}

/** One page of the log, newest first, with the total for the pager. */
export function listAuditEntries(page: { limit: number; offset: number }): {
  entries: AuditEntry[];
  total: number;
} {
  const entries = db()
    .prepare(
      `SELECT id, at, user_id AS userId, user_email AS userEmail, action, target, outcome, detail
       FROM audit_log ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`,
    )
    .all(page.limit, page.offset) as AuditEntry[];
  const { total } = db().prepare("SELECT COUNT(*) AS total FROM audit_log").get() as { total: number };
  return { entries, total };
}
