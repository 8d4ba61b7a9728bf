import { formatQuantity } from "@/lib/format";
import {
  escapeHtml,
  footerText,
  greeting,
  htmlDocument,
  leadHtml,
  leadsLink,
  leadTextLines,
  priceDropText,
} from "./mail-content";
import type { LeadForMail, MailContext, MailMessage, MailRecipient, PriceDrop } from "./mail-message";

/** What happened to leads since the last digest, newest first in each list. */
export interface LeadDigest {
  /** yyyy-mm-dd in the dealership's time zone: the day the digest is for. */
  day: string;
  newLeads: LeadForMail[];
  priceDrops: PriceDrop[];
  /** The counts, which may exceed the leads listed (each list is cut at DIGEST_LIST_MAX). */
  newCount: number;
  priceDropCount: number;
}

/** Leads listed per section: enough to act on over coffee; the rest are a link away. */
export const DIGEST_LIST_MAX = 20;

export function isEmptyDigest(digest: LeadDigest): boolean {
  return digest.newCount === 0 && digest.priceDropCount === 0;
}

/** dd/mm/yyyy for the digest's day (a calendar date, so no zone applies). */
function dayLabel(day: string): string {
  const [year, month, date] = day.split("-");
  return `${date}/${month}/${year}`;
}

/**
 * The managers' morning email: counts of new and price-dropped leads since the
 * last digest, the leads themselves, and links into the dashboard. Null when
 * there is nothing new, so nothing is sent.
 */
export function leadDigestMail(
  recipient: MailRecipient,
  digest: LeadDigest,
  context: MailContext,
): MailMessage | null {
  if (isEmptyDigest(digest)) return null;
  const counts = `${formatQuantity(digest.newCount, "new lead")}, ${formatQuantity(digest.priceDropCount, "price drop")}`;
  const intro = `Since the last digest: ${counts}.`;
  const more = (shown: number, total: number) =>
    total > shown ? [`  …and ${total - shown} more: ${leadsLink(context)}`] : [];
  const dropLine = (drop: PriceDrop) => `  Down from ${priceDropText(drop)}`;

  const text = [
    greeting(recipient),
    "",
    intro,
    `See every lead: ${leadsLink(context)}`,
    ...(digest.newCount > 0
      ? [
          "",
          `New leads (${digest.newCount})`,
          ...digest.newLeads.flatMap((lead) => ["", ...leadTextLines(lead, context)]),
        ]
      : []),
    ...more(digest.newLeads.length, digest.newCount),
    ...(digest.priceDropCount > 0
      ? [
          "",
          `Price drops (${digest.priceDropCount})`,
          ...digest.priceDrops.flatMap((drop) => ["", ...leadTextLines(drop.lead, context), dropLine(drop)]),
        ]
      : []),
    ...more(digest.priceDrops.length, digest.priceDropCount),
    ...footerText(context),
  ].join("\n");

  const section = (title: string, items: string[], total: number) =>
    total === 0
      ? ""
      : `<h2 style="font-size:16px">${escapeHtml(title)} (${total})</h2><ul>${items.join("")}</ul>` +
        (total > items.length
          ? `<p><a href="${escapeHtml(leadsLink(context))}">…and ${total - items.length} more</a></p>`
          : "");
  const html = htmlDocument(
    [
      `<p>${escapeHtml(greeting(recipient))}</p>`,
      `<p>${escapeHtml(intro)} <a href="${escapeHtml(leadsLink(context))}">See every lead</a></p>`,
      section(
        "New leads",
        digest.newLeads.map((lead) => leadHtml(lead, context)),
        digest.newCount,
      ),
      section(
        "Price drops",
        digest.priceDrops.map((drop) =>
          leadHtml(drop.lead, context).replace("</li>", `<br>${escapeHtml(dropLine(drop).trim())}</li>`),
        ),
        digest.priceDropCount,
      ),
    ].join(""),
    context,
  );
  return {
    kind: "lead_digest",
    to: recipient.email,
    subject: `Leads for ${dayLabel(digest.day)}: ${counts}`,
    text,
    html,
  };
}
