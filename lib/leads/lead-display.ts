import { formatAud, formatDateTime, formatQuantity } from "@/lib/format";
import type { LeadEvent, LeadSummary } from "./lead-detail";
import { HISTORY_DISMISSAL_DAYS, isHistoryDismissal } from "./lead-history";
import { LEAD_STATUS_LABELS, LOST_REASON_LABELS } from "./lead-status";
import type { LeadStatus, LostReason } from "./lead-status";
import type { LeadListEntry } from "./lead-list";

/**
 * How the dashboard words a lead and its history, without React: pure, so the inbox's table,
 * the phone's cards and the lead's page say the same.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** dd/mm/yyyy in the dealership's time zone: the day the dashboard first saw the listing. */
export function seenOn(lead: Pick<LeadListEntry, "firstSeenAt">, timeZone: string): string {
  return formatDateTime(lead.firstSeenAt, timeZone).split(" ")[0]!;
}

export interface PriceChange {
  /** "▼ $1,500" or "▲ $500", as shown. */
  shown: string;
  /** "down $1,500 since first seen", for screen readers. */
  spoken: string;
  direction: "down" | "up";
}

/** The change in price since first seen, or undefined when there is none (or no price to compare). */
export function priceChange(lead: Pick<LeadSummary, "price" | "firstPrice">): PriceChange | undefined {
  if (lead.price === null || lead.firstPrice === null || lead.price === lead.firstPrice) return undefined;
  const direction = lead.price < lead.firstPrice ? "down" : "up";
  const amount = formatAud(Math.abs(lead.price - lead.firstPrice));
  return {
    shown: `${direction === "down" ? "▼" : "▲"} ${amount}`,
    spoken: `${direction} ${amount} since first seen`,
    direction,
  };
}

/** "$27,000 ▼ $1,500": the price now and its change since first seen (nothing when unchanged or unknown). */
export function priceWithChange(lead: Pick<LeadSummary, "price" | "firstPrice">): {
  price: string;
  change: string | null;
} {
  if (lead.price === null) return { price: "No price", change: null };
  return { price: formatAud(lead.price), change: priceChange(lead)?.shown ?? null };
}

/** Whole days on the market: from listing to now, or to when it was taken down. */
export function daysListed(
  lead: Pick<LeadSummary, "listedAt" | "noLongerListedAt">,
  now = new Date(),
): number {
  const end = lead.noLongerListedAt ? Date.parse(lead.noLongerListedAt) : now.getTime();
  return Math.max(0, Math.floor((end - Date.parse(lead.listedAt)) / DAY_MS));
}

/** "12 days", or "12 days (no longer listed since 03/12/2026)" once taken down, on the dealership's calendar. */
export function daysListedText(
  lead: Pick<LeadSummary, "listedAt" | "noLongerListedAt">,
  timeZone: string,
  now = new Date(),
): string {
  const days = formatQuantity(daysListed(lead, now), "day");
  if (!lead.noLongerListedAt) return days;
  const [day] = formatDateTime(lead.noLongerListedAt, timeZone).split(" ");
  return `${days} (no longer listed since ${day})`;
}

/** Only an https address becomes a link: anything else (javascript:, http:) is shown as text. */
export function safeListingUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

/** "3 days listed", "Listed today", with ", no longer listed" once it was taken down: the inbox's words. */
export function daysListedLabel(
  lead: Pick<LeadSummary, "listedAt" | "noLongerListedAt">,
  now = new Date(),
): string {
  const days = daysListed(lead, now);
  const listed = days === 0 ? "Listed today" : `${formatQuantity(days, "day")} listed`;
  return lead.noLongerListedAt ? `${listed}, no longer listed` : listed;
}

/** The customer's car as the inbox names it: the index's vehicle, else the listing's title. */
export function vehicleOf(lead: Pick<LeadListEntry, "customer" | "listingTitle">): string {
  return lead.customer.vehicleTitle ?? lead.listingTitle ?? "Vehicle not known";
}

/** "ABC123 · VIC", or what there is of it. */
export function regoAndState(lead: Pick<LeadListEntry, "customer">): string | null {
  const parts = [lead.customer.rego, lead.customer.state].filter(Boolean);
  return parts.length > 0 ? parts.join(" · ") : null;
}

export function statusText(status: LeadStatus, lostReason: LostReason | null): string {
  return status === "lost" && lostReason
    ? `${LEAD_STATUS_LABELS.lost} (${LOST_REASON_LABELS[lostReason].toLowerCase()})`
    : LEAD_STATUS_LABELS[status];
}

const isStatus = (value: unknown): value is LeadStatus =>
  typeof value === "string" && value in LEAD_STATUS_LABELS;
const isReason = (value: unknown): value is LostReason =>
  typeof value === "string" && value in LOST_REASON_LABELS;
const money = (value: unknown) => (typeof value === "number" ? formatAud(value) : "no price");
const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);

/** One line of the history: what happened, and the note that came with it, if any. */
export function describeEvent(event: Pick<LeadEvent, "kind" | "data">): {
  title: string;
  note: string | null;
} {
  const data = event.data ?? {};
  switch (event.kind) {
    case "seen":
      return {
        title: `First seen for sale${typeof data.price === "number" ? ` at ${money(data.price)}` : ""}`,
        note: null,
      };
    case "price_change": {
      const dropped = typeof data.from === "number" && typeof data.to === "number" && data.to < data.from;
      return {
        title: `Price ${dropped ? "dropped" : "changed"} from ${money(data.from)} to ${money(data.to)}`,
        note: null,
      };
    }
    case "delisted":
      return { title: "No longer listed", note: null };
    case "relisted":
      return { title: "Listed again", note: null };
    case "status": {
      if (isHistoryDismissal(data))
        return {
          title: `Dismissed automatically: listed more than ${HISTORY_DISMISSAL_DAYS} days before the dashboard first saw it`,
          note: null,
        };
      const to = isStatus(data.to)
        ? statusText(data.to, isReason(data.lostReason) ? data.lostReason : null)
        : "a new status";
      const from = isStatus(data.from) ? ` from ${LEAD_STATUS_LABELS[data.from]}` : "";
      return { title: `Status changed${from} to ${to}`, note: text(data.note) };
    }
    case "assignment": {
      const to = text(data.toName);
      return { title: to ? `Assigned to ${to}` : "Unassigned", note: null };
    }
    case "note":
      return { title: "Note", note: text(data.text) };
  }
}

const MARKET_EVENTS = new Set<LeadEvent["kind"]>(["seen", "price_change", "delisted", "relisted"]);

/**
 * Who an entry of the history is by: a person, the market as the sync saw it
 * (and the sync's dismissal of the dealership's history), or an account since deleted.
 */
export function eventActorName(event: Pick<LeadEvent, "kind" | "actor" | "data">): string {
  if (event.actor) return event.actor.name;
  return MARKET_EVENTS.has(event.kind) || isHistoryDismissal(event.data) ? "Recapture" : "A deleted account";
}
