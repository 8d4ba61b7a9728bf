import "server-only";
import type { SessionUser } from "@/lib/server/auth/sessions";
import { insertAuditEntry, recordSummarisedAuditEntry, type NewAuditEntry } from "@/lib/server/db/audit-log";

export interface AuditInput {
  user: SessionUser | null;
  action: string;
  target?: string;
  outcome: "success" | "failure";
  detail?: string;
}

/**
 * Records who did what to which record, and whether it worked. Actions are
 * dotted names such as `customer.delete` or `user.role_change`. A failure to
 * write the log is reported but does not undo or fail the action it describes:
 * the promise settles once the entry is written or the failure reported, and
 * never rejects.
 */
export function audit(entry: AuditInput): Promise<void> {
  return record(() => insertAuditEntry(row(entry)));
}

/**
 * The same for events that come in bursts (failed sign-ins): every event of
 * one group in one window is counted into a single row.
 */
export function auditSummarised(entry: AuditInput, group: { key: string; windowMs: number }): Promise<void> {
  return record(() => recordSummarisedAuditEntry(row(entry), group));
}

function row(entry: AuditInput): NewAuditEntry {
  return {
    at: new Date().toISOString(),
    userId: entry.user?.id ?? null,
    userEmail: entry.user?.email ?? null,
    action: entry.action,
    target: entry.target ?? null,
    outcome: entry.outcome,
    detail: entry.detail ?? null,
  };
}

async function record(write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    console.error("Could not write to the audit log:", error);
  }
}

/** Runs one action (an upstream mutation, a register change) and writes its outcome to the audit log either way. */
export async function audited<T>(
  user: SessionUser,
  action: string,
  target: string | undefined,
  call: () => Promise<T>,
): Promise<T> {
  try {
    const result = await call();
    await audit({ user, action, target, outcome: "success" });
    return result;
  } catch (error) {
    await audit({
      user,
      action,
      target,
      outcome: "failure",
      detail: error instanceof Error ? error.message : undefined,
    });
    throw error;
  }
}
