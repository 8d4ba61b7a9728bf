import {
  escapeHtml,
  footerText,
  greeting,
  htmlDocument,
  leadHtml,
  leadTextLines,
  leadVehicle,
  oneLine,
} from "./mail-content";
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
  const intro = `${by ? `${by} assigned` : "You have been assigned"} a lead${by ? " to you" : ""}: a past customer's car is listed for sale.`;
  return {
    kind: "lead_assigned",
    to: mail.assignee.email,
    subject: oneLine(`Lead assigned to you: ${leadVehicle(mail.lead)}`, 150),
    text: [
      greeting(mail.assignee),
      "",
      intro,
      "",
      ...leadTextLines(mail.lead, context),
      ...footerText(context),
    ].join("\n"),
    html: htmlDocument(
      `<p>${escapeHtml(greeting(mail.assignee))}</p><p>${escapeHtml(intro)}</p><ul>${leadHtml(mail.lead, context)}</ul>`,
      context,
    ),
  };
}
