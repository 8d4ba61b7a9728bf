import { leadVehicle, oneLeadMail, oneLine } from "./mail-content";
import type { LeadForMail, MailContext, MailMessage, MailRecipient } from "./mail-message";

export interface LeadAssignedMail {
  assignee: MailRecipient;
  /** Who assigned it; null when the assignee took it themselves or nobody is known. */
  assignedBy: MailRecipient | null;
  lead: LeadForMail;
}

/** "Lead assigned to you": tells a salesperson a lead is now theirs to call. */
export function leadAssignedMail(mail: LeadAssignedMail, context: MailContext): MailMessage {
  const by = mail.assignedBy ? oneLine(mail.assignedBy.name ?? mail.assignedBy.email, 80) : null;
  return oneLeadMail(
    {
      kind: "lead_assigned",
      to: mail.assignee,
      subject: `Lead assigned to you: ${leadVehicle(mail.lead)}`,
      intro: `${by ? `${by} assigned` : "You have been assigned"} a lead${by ? " to you" : ""}: a past customer's car is listed for sale.`,
      lead: mail.lead,
    },
    context,
  );
}
