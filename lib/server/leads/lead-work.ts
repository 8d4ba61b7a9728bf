import "server-only";
import { notifyLeadsAssigned } from "@/lib/server/notifications/lead-notifications";
import type { BulkAction, BulkResult, StatusRequest } from "@/lib/leads/lead-detail";
import { LEAD_STATUS_LABELS, LOST_REASON_LABELS } from "@/lib/leads/lead-status";
import { audit } from "@/lib/server/audit";
import type { SessionUser } from "@/lib/server/auth/sessions";
import { leadAuditNames } from "@/lib/server/db/lead-detail";
import {
  addLeadNote,
  workLeads,
  type LeadAction,
  type LeadRefusal,
  type LeadRefusalCode,
  type LeadWorkOutcome,
} from "@/lib/server/db/lead-work";
import { findUserById } from "@/lib/server/db/users";
import { DomainError, type DomainErrorKind } from "@/lib/server/domain-error";

/**
 * Working leads for a signed-in person: the database change, then (once it
 * has committed) an audit entry per lead changed, naming the lead by rego and
 * listing. One lead's refusal is an error its route answers with; a bulk
 * action answers which leads changed and which were refused and why.
 *
 * Notifications hook in here, after the change commits: each function's
 * `outcome.assigned` (lead assigned to someone) and `outcome.statusChanged`.
 */

const REFUSAL_KIND: Record<LeadRefusalCode, DomainErrorKind> = {
  forbidden: "forbidden",
  invalid: "invalid",
  not_found: "not_found",
  not_allowed: "conflict",
  unchanged: "conflict",
  changed: "conflict",
};

function refusalError(refusal: LeadRefusal): DomainError {
  return new DomainError(REFUSAL_KIND[refusal.code], `lead_${refusal.code}`, refusal.reason);
}

async function auditOutcome(
  user: SessionUser,
  outcome: LeadWorkOutcome,
  note?: string | null,
): Promise<void> {
  const names = await leadAuditNames(outcome.changed);
  const target = (leadKey: number) => names.get(leadKey) ?? `lead ${leadKey}`;
  for (const { leadKey, from, to } of outcome.statusChanged)
    await audit({
      user,
      action: "lead.status",
      target: target(leadKey),
      outcome: "success",
      detail: `${LEAD_STATUS_LABELS[from]} → ${LEAD_STATUS_LABELS[to]}${note ? `: ${note}` : ""}`,
    });
  const assignees = new Map<number, string>();
  for (const id of new Set(outcome.assigned.map(({ to }) => to)))
    if (id !== null) assignees.set(id, (await findUserById(id))?.email ?? `account ${id}`);
  for (const { leadKey, to } of outcome.assigned)
    await audit({
      user,
      action: "lead.assign",
      target: target(leadKey),
      outcome: "success",
      detail: to === null ? "to nobody" : `to ${assignees.get(to)}`,
    });
  // Committed: each new assignee hears of their lead (not those who took it themselves; see the notifier).
  await notifyLeadsAssigned(
    outcome.assigned.map(({ leadKey, to }) => ({ leadKey, assigneeUserId: to, byUserId: user.id })),
  );
}

/** Runs one action on one lead, audits it, and throws its refusal. */
async function workOne(user: SessionUser, leadKey: number, action: LeadAction): Promise<LeadWorkOutcome> {
  const outcome = await workLeads(user, [leadKey], action);
  const [refusal] = outcome.refused;
  if (refusal) throw refusalError(refusal);
  await auditOutcome(user, outcome, action.kind === "status" ? lostDetail(action.change) : undefined);
  return outcome;
}

function lostDetail(change: Pick<StatusRequest, "status" | "lostReason">): string | null {
  return change.status === "lost" && change.lostReason ? LOST_REASON_LABELS[change.lostReason] : null;
}

/** Moves a lead to a status. */
export function setLeadStatus(user: SessionUser, leadKey: number, request: StatusRequest) {
  const { from, ...change } = request;
  return workOne(user, leadKey, { kind: "status", change, from });
}

/** Assigns a lead to an account, or nobody. */
export function assignLead(user: SessionUser, leadKey: number, userId: number | null) {
  return workOne(user, leadKey, { kind: "assign", userId });
}

export async function addNoteToLead(user: SessionUser, leadKey: number, text: string): Promise<void> {
  const added = await addLeadNote(user, leadKey, text);
  if (!added.ok) throw refusalError(added.refusal);
  const names = await leadAuditNames([leadKey]);
  await audit({ user, action: "lead.note", target: names.get(leadKey), outcome: "success" });
}

/** One action on up to 500 leads. Notify here, as for one lead: `outcome.assigned`, `outcome.statusChanged`. */
export async function workLeadsInBulk(
  user: SessionUser,
  leadKeys: readonly number[],
  action: BulkAction,
): Promise<BulkResult & { outcome: LeadWorkOutcome }> {
  const outcome = await workLeads(
    user,
    leadKeys,
    action.kind === "assign"
      ? action
      : {
          kind: "status",
          change: { status: action.status, lostReason: action.lostReason, note: action.note },
        },
  );
  await auditOutcome(user, outcome, action.kind === "status" ? lostDetail(action) : undefined);
  return {
    changed: outcome.changed,
    refused: outcome.refused.map(({ leadKey, reason }) => ({ leadKey, reason })),
    outcome,
  };
}
