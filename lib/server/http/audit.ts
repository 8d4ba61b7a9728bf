import "server-only";
import type { SessionUser } from "@/lib/server/auth/sessions";
import { insertAuditEntry } from "@/lib/server/db/audit-log";

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
 * write the log is reported but does not undo or fail the action it describes.
 */
export function audit(entry: AuditInput): void {
  try {
    insertAuditEntry({
      at: new Date().toISOString(),
      userId: entry.user?.id ?? null,
      userEmail: entry.user?.email ?? null,
      action: entry.action,
      target: entry.target ?? null,
      outcome: entry.outcome,
      detail: entry.detail?.slice(0, 500) ?? null,
    });
  } catch (error) {
    console.error("Could not write to the audit log:", error);
  }
}
