import { formatAud } from "@/lib/format";
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
import type { MailContext, MailMessage, MailRecipient, PriceDrop } from "./mail-message";

/** "A lead of yours dropped in price": a seller coming down is a reason to call now. */
export function priceDropMail(assignee: MailRecipient, drop: PriceDrop, context: MailContext): MailMessage {
  const change = `${formatAud(drop.from)} to ${formatAud(drop.to)} (▼ ${formatAud(drop.from - drop.to)})`;
  const intro = `The asking price of a lead assigned to you went down from ${change}.`;
  return {
    kind: "price_drop",
    to: assignee.email,
    subject: oneLine(`Price drop: ${leadVehicle(drop.lead)} now ${formatAud(drop.to)}`, 150),
    text: [
      greeting(assignee),
      "",
      intro,
      "",
      ...leadTextLines(drop.lead, context),
      ...footerText(context),
    ].join("\n"),
    html: htmlDocument(
      `<p>${escapeHtml(greeting(assignee))}</p><p>${escapeHtml(intro)}</p><ul>${leadHtml(drop.lead, context)}</ul>`,
      context,
    ),
  };
}
