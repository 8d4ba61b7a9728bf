import "server-only";
import { leadAssignedMail } from "@/lib/notifications/lead-assigned-mail";
import type { MailContext, MailMessage } from "@/lib/notifications/mail-message";
import { priceDropMail } from "@/lib/notifications/price-drop-mail";
import { findLeadsForMail, findMailRecipients } from "@/lib/server/db/lead-mail";
import { findUserById } from "@/lib/server/db/users";
import type { RecordedSightings } from "@/lib/server/db/leads";
import { dashboardUrl, env } from "@/lib/server/env";
import { deliverMail } from "./mailer";

/**
 * The emails that follow a change to leads, called by the code that made the
 * change once its transaction has committed. Each looks up what it needs,
 * writes only to people who still want lead emails, and never throws into its
 * caller: a failure is logged (and, once a message exists, kept on its outbox
 * row), because a lead assigned or a sync page written must not fail over mail.
 */

export function mailContext(): MailContext {
  return { dashboardUrl: dashboardUrl(), timeZone: env().DEALERSHIP_TIME_ZONE };
}

async function quietly(what: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    console.error(`Could not send ${what}:`, error instanceof Error ? error.message : error);
  }
}

export interface LeadAssignment {
  leadKey: number;
  /** The new assignee; null (unassigned) sends nothing. */
  assigneeUserId: number | null;
  /** Who assigned it; nothing is sent when people assign a lead to themselves. */
  byUserId: number | null;
}

/** "Lead assigned to you", to the new assignee. */
export function notifyLeadAssigned(assignment: LeadAssignment): Promise<void> {
  return notifyLeadsAssigned([assignment]);
}

/** The same for several leads at once (a bulk assignment): one email per lead. */
export function notifyLeadsAssigned(assignments: readonly LeadAssignment[]): Promise<void> {
  return quietly("the lead assignment email", async () => {
    const toSend = assignments.filter(
      (assignment): assignment is LeadAssignment & { assigneeUserId: number } =>
        assignment.assigneeUserId !== null && assignment.assigneeUserId !== assignment.byUserId,
    );
    if (toSend.length === 0) return;
    const byIds = [...new Set(toSend.flatMap(({ byUserId }) => (byUserId === null ? [] : [byUserId])))];
    const [leads, assignees, assigners] = await Promise.all([
      findLeadsForMail(toSend.map(({ leadKey }) => leadKey)),
      findMailRecipients(toSend.map(({ assigneeUserId }) => assigneeUserId)),
      // Who assigned is named whether or not they want email themselves.
      Promise.all(byIds.map(findUserById)),
    ]);
    const names = new Map(
      assigners.flatMap((user) => (user ? [[user.id, { email: user.email, name: user.name }] as const] : [])),
    );
    const context = mailContext();
    const messages: MailMessage[] = toSend.flatMap(({ leadKey, assigneeUserId, byUserId }) => {
      const lead = leads.get(leadKey);
      const assignee = assignees.get(assigneeUserId);
      if (!lead || !assignee) return [];
      const assignedBy = byUserId === null ? null : (names.get(byUserId) ?? null);
      return [leadAssignedMail({ assignee, assignedBy, lead }, context)];
    });
    await deliverMail(messages);
  });
}

/**
 * "A lead of yours dropped in price", to each lead's assignee, for the price
 * changes a read of sightings recorded (recordLeadSightings' answer); rises,
 * leads with no assignee, dismissed leads (a person's, or the dealership's
 * history the sync dismissed) and a first price appearing send nothing.
 */
export function notifyPriceDrops(changes: Pick<RecordedSightings, "priceChanges">): Promise<void> {
  return quietly("the price drop emails", async () => {
    const drops = changes.priceChanges.filter(
      (change): change is { key: number; from: number; to: number } =>
        change.from !== null && change.to < change.from,
    );
    if (drops.length === 0) return;
    const leads = await findLeadsForMail(drops.map(({ key }) => key));
    const assignees = await findMailRecipients(
      [...leads.values()].flatMap(({ assigneeUserId }) => (assigneeUserId === null ? [] : [assigneeUserId])),
    );
    const context = mailContext();
    const messages = drops.flatMap(({ key, from, to }) => {
      const lead = leads.get(key);
      const assignee = lead?.assigneeUserId == null ? undefined : assignees.get(lead.assigneeUserId);
      return lead && assignee && !lead.dismissed
        ? [priceDropMail(assignee, { lead, from, to }, context)]
        : [];
    });
    await deliverMail(messages);
  });
}
