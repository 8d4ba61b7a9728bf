import { formatAud } from "@/lib/format";
import { leadVehicle, oneLeadMail, priceDropText } from "./mail-content";
import type { MailContext, MailMessage, MailRecipient, PriceDrop } from "./mail-message";

/** "A lead of yours dropped in price": a seller coming down is a reason to call now. */
export function priceDropMail(assignee: MailRecipient, drop: PriceDrop, context: MailContext): MailMessage {
  return oneLeadMail(
    {
      kind: "price_drop",
      to: assignee,
      subject: `Price drop: ${leadVehicle(drop.lead)} now ${formatAud(drop.to)}`,
      intro: `The asking price of a lead assigned to you went down from ${priceDropText(drop)}.`,
      lead: drop.lead,
    },
    context,
  );
}
