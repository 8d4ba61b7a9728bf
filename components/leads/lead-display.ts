import type { LeadListEntry } from "@/lib/leads/lead-list";
import type { LeadStatus } from "@/lib/leads/lead-status";
import type { BadgeTone } from "@/components/ui/badge";
import { formatAud, formatDateTime } from "@/lib/format";

/** How a lead reads in the inbox: pure, so the table and the phone's cards say the same. */

const DAY_MS = 24 * 60 * 60 * 1000;

export const LEAD_STATUS_TONES: Record<LeadStatus, BadgeTone> = {
  new: "brand",
  contacted: "warning",
  appointment: "warning",
  won: "success",
  lost: "danger",
  dismissed: "neutral",
};

/** dd/mm/yyyy in the dealership's time zone: the day the dashboard first saw the listing. */
export function seenOn(lead: Pick<LeadListEntry, "firstSeenAt">, timeZone: string): string {
  return formatDateTime(lead.firstSeenAt, timeZone).split(" ")[0]!;
}

/** "3 days listed": from when the market listed it until now, or until it was taken down. */
export function daysListed(lead: Pick<LeadListEntry, "listedAt" | "noLongerListedAt">, now: Date): string {
  const until = lead.noLongerListedAt ? new Date(lead.noLongerListedAt) : now;
  const days = Math.max(0, Math.floor((until.getTime() - new Date(lead.listedAt).getTime()) / DAY_MS));
  const listed = days === 0 ? "Listed today" : `${days} ${days === 1 ? "day" : "days"} listed`;
  return lead.noLongerListedAt ? `${listed}, no longer listed` : listed;
}

export interface PriceChange {
  /** "▼ $1,500" or "▲ $500", as shown. */
  shown: string;
  /** "down $1,500 since first seen", for screen readers. */
  spoken: string;
  direction: "down" | "up";
}

/** The change in price since first seen, or undefined when there is none (or no price to compare). */
export function priceChange(lead: Pick<LeadListEntry, "price" | "firstPrice">): PriceChange | undefined {
  if (lead.price === null || lead.firstPrice === null || lead.price === lead.firstPrice) return undefined;
  const direction = lead.price < lead.firstPrice ? "down" : "up";
  const amount = formatAud(Math.abs(lead.price - lead.firstPrice));
  return {
    shown: `${direction === "down" ? "▼" : "▲"} ${amount}`,
    spoken: `${direction} ${amount} since first seen`,
    direction,
  };
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
