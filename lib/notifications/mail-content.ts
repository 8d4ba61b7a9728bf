import { formatAud, formatDateTime } from "@/lib/format";
import type {
  LeadForMail,
  MailContext,
  MailKind,
  MailMessage,
  MailRecipient,
  PriceDrop,
} from "./mail-message";

/**
 * The pieces every message is made of, written once for the text and the HTML
 * body. Everything that came from the API or a person (titles, names, regos)
 * is escaped in HTML and kept on one line in a subject; the only links are to
 * the dashboard and to an https listing.
 */

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}

/** A subject is one line: a title with a line break in it must not start a header of its own. */
export function oneLine(value: string, max = 120): string {
  const line = value
    .replace(/[\r\n\t\u2028\u2029]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** The listing's address when it is https; any other (http, javascript:, junk) is left out of an email. */
export function listingLink(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

export function leadLink(context: MailContext, key: number): string {
  return `${context.dashboardUrl}/leads/${key}`;
}

export function leadsLink(context: MailContext): string {
  return `${context.dashboardUrl}/leads`;
}

export function notificationSettingsLink(context: MailContext): string {
  return `${context.dashboardUrl}/settings/notifications`;
}

/** "2019 Toyota Camry Ascent Sport (ABC123, VIC)": the customer's car, else the listing's title. */
export function leadVehicle(lead: LeadForMail): string {
  const title = oneLine(lead.vehicleTitle ?? lead.listingTitle ?? "A customer's vehicle");
  const plate = [lead.rego, lead.state].filter(Boolean).map((part) => oneLine(part!, 20));
  return plate.length > 0 ? `${title} (${plate.join(", ")})` : title;
}

/** "$27,000 ▼ $1,500" against the first price, "$27,000", or "no price". */
export function leadPrice(lead: LeadForMail): string {
  if (lead.price === null) return "no price";
  const change = lead.firstPrice === null ? 0 : lead.price - lead.firstPrice;
  if (change === 0) return formatAud(lead.price);
  return `${formatAud(lead.price)} ${change < 0 ? "▼" : "▲"} ${formatAud(Math.abs(change))}`;
}

/** "$28,500 to $27,000 (▼ $1,500)": a price drop, from its old asking price. */
export function priceDropText(drop: Pick<PriceDrop, "from" | "to">): string {
  return `${formatAud(drop.from)} to ${formatAud(drop.to)} (▼ ${formatAud(drop.from - drop.to)})`;
}

export function sellerLabel(lead: LeadForMail): string | null {
  return lead.sellerType === "private" ? "private seller" : lead.sellerType === "dealer" ? "dealer" : null;
}

export function greeting(recipient: MailRecipient): string {
  return `Hi ${oneLine(recipient.name ?? recipient.email, 80)},`;
}

/** The lines describing one lead in a text body. */
export function leadTextLines(lead: LeadForMail, context: MailContext): string[] {
  const listing = listingLink(lead.listingUrl);
  return [
    leadVehicle(lead),
    `  Listing: ${oneLine(lead.listingTitle ?? "Untitled listing")}${listing ? ` ${listing}` : ""}`,
    `  Price: ${[leadPrice(lead), sellerLabel(lead)].filter(Boolean).join(", ")}`,
    `  First seen: ${formatDateTime(lead.firstSeenAt, context.timeZone)}`,
    `  Open in the dashboard: ${leadLink(context, lead.key)}`,
  ];
}

/** The same lead as an HTML list item. */
export function leadHtml(lead: LeadForMail, context: MailContext): string {
  const listing = listingLink(lead.listingUrl);
  const title = escapeHtml(oneLine(lead.listingTitle ?? "Untitled listing"));
  const price = [leadPrice(lead), sellerLabel(lead)].filter(Boolean).join(", ");
  return [
    `<li><a href="${escapeHtml(leadLink(context, lead.key))}">${escapeHtml(leadVehicle(lead))}</a><br>`,
    listing ? `Listing: <a href="${escapeHtml(listing)}">${title}</a><br>` : `Listing: ${title}<br>`,
    `Price: ${escapeHtml(price)}<br>`,
    `First seen: ${escapeHtml(formatDateTime(lead.firstSeenAt, context.timeZone))}</li>`,
  ].join("");
}

/** Why the person gets this, and where to stop it: the last lines of every message. */
export function footerText(context: MailContext): string[] {
  return [
    "",
    "--",
    "Recapture Dashboard. You get this email because of your account's role and leads.",
    `To stop these emails: ${notificationSettingsLink(context)}`,
  ];
}

export function htmlDocument(body: string, context: MailContext): string {
  const settings = escapeHtml(notificationSettingsLink(context));
  return [
    '<!doctype html><html lang="en-AU"><body style="font-family:sans-serif;line-height:1.5;color:#0f172a">',
    body,
    '<hr><p style="font-size:12px;color:#64748b">Recapture Dashboard. ',
    `<a href="${settings}">Stop these emails</a></p>`,
    "</body></html>",
  ].join("");
}

/** A message to one person about one lead: the greeting, why it is written, the lead and the footer. */
export function oneLeadMail(
  mail: { kind: MailKind; to: MailRecipient; subject: string; intro: string; lead: LeadForMail },
  context: MailContext,
): MailMessage {
  return {
    kind: mail.kind,
    to: mail.to.email,
    subject: oneLine(mail.subject, 150),
    text: [
      greeting(mail.to),
      "",
      mail.intro,
      "",
      ...leadTextLines(mail.lead, context),
      ...footerText(context),
    ].join("\n"),
    html: htmlDocument(
      `<p>${escapeHtml(greeting(mail.to))}</p><p>${escapeHtml(mail.intro)}</p><ul>${leadHtml(mail.lead, context)}</ul>`,
      context,
    ),
  };
}
