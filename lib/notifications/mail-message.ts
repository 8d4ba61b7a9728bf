/**
 * An email the dashboard sends, as built by the pure builders beside this file
 * and kept in the outbox (lib/server/notifications): one recipient each, so a
 * person's choice to get no email, and a failure to reach one address, touch
 * only their own copy.
 */
export const MAIL_KINDS = ["lead_assigned", "price_drop", "lead_digest"] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export const MAIL_KIND_LABELS: Record<MailKind, string> = {
  lead_assigned: "Lead assigned",
  price_drop: "Price drop",
  lead_digest: "Daily digest",
};

export interface MailRecipient {
  email: string;
  name: string | null;
}

export interface MailMessage {
  kind: MailKind;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** What each message says about a lead: the customer's car, the listing and its price. */
export interface LeadForMail {
  key: number;
  vehicleTitle: string | null;
  rego: string | null;
  state: string | null;
  listingTitle: string | null;
  listingUrl: string | null;
  price: number | null;
  firstPrice: number | null;
  sellerType: "private" | "dealer" | null;
  firstSeenAt: string;
}

/** A lead's price going down, from one asking price to a lower one. */
export interface PriceDrop {
  lead: LeadForMail;
  from: number;
  to: number;
}

/** Where the builders point: the dashboard's address (no trailing slash) and the zone its times are read in. */
export interface MailContext {
  dashboardUrl: string;
  timeZone: string;
}
