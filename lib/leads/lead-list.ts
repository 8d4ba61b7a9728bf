import { z } from "zod";
import { regionSchema, uploadIdSchema } from "@/lib/recapture/schemas";
import { LEAD_STATUSES } from "./lead-status";

/**
 * A question put to the leads inbox (filters, one sort and a page) and the
 * page it gets back. Shared by the server (lib/server/db/lead-list.ts), the
 * route (GET /api/leads), the URL (./lead-list-params.ts) and the page.
 */

/**
 * What happened to a listing, as the inbox filters it:
 * - `new_listing`: still listed at the price it was first seen at (its price never changed);
 * - `price_drop`: still listed, now cheaper than when first seen;
 * - `no_longer_listed`: gone from its customer's sightings.
 * A listing still up at a higher price than at first is none of these.
 */
export const LEAD_TYPES = ["new_listing", "price_drop", "no_longer_listed"] as const;
export type LeadType = (typeof LEAD_TYPES)[number];

/** "first_seen": when the dashboard first saw it; "price_change": now against first seen, biggest drop first; "days_listed": by when the market listed it. */
export const LEAD_SORTS = ["first_seen", "price", "price_change", "days_listed"] as const;
export type LeadSort = (typeof LEAD_SORTS)[number];

export const LEAD_SEEN_WITHIN_DAYS = [1, 7, 30, 90] as const;
export type LeadSeenWithinDays = (typeof LEAD_SEEN_WITHIN_DAYS)[number];

export const LEAD_PAGE_SIZE = { min: 25, max: 500 } as const;

/** Longer searches are cut: no search term in the index is longer. */
export const LEAD_SEARCH_MAX_LENGTH = 100;

/** Who a lead is assigned to: "mine" is the person asking, "nobody" the unassigned, a number one account. */
export const leadAssigneeFilterSchema = z.union([
  z.literal("mine"),
  z.literal("nobody"),
  z.number().int().positive(),
]);
export type LeadAssigneeFilter = z.infer<typeof leadAssigneeFilterSchema>;

/** A new lead should have been called within this many hours (the overview counts those that weren't). */
export const LEAD_CONTACT_DUE_HOURS = 24;

const priceSchema = z.number().finite().min(0);

export const leadListQuerySchema = z.object({
  region: regionSchema,
  statuses: z.array(z.enum(LEAD_STATUSES)).optional(),
  assignee: leadAssigneeFilterSchema.optional(),
  seenWithinDays: z
    .number()
    .refine((days): days is LeadSeenWithinDays => (LEAD_SEEN_WITHIN_DAYS as readonly number[]).includes(days))
    .optional(),
  /** Seen more than this long ago: with status New, the leads nobody has called yet. */
  seenBeforeHours: z.literal(LEAD_CONTACT_DUE_HOURS).optional(),
  type: z.enum(LEAD_TYPES).optional(),
  sellerType: z.enum(["private", "dealer"]).optional(),
  priceMin: priceSchema.optional(),
  priceMax: priceSchema.optional(),
  state: z.string().max(40).optional(),
  uploadId: uploadIdSchema.optional(),
  search: z.string().max(LEAD_SEARCH_MAX_LENGTH).optional(),
  sort: z.enum(LEAD_SORTS),
  direction: z.enum(["asc", "desc"]),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(LEAD_PAGE_SIZE.min).max(LEAD_PAGE_SIZE.max),
});
export type LeadListQuery = z.infer<typeof leadListQuerySchema>;

/** A listing link the page may open: https only, anything else (http, javascript:, junk) is no link. */
export function safeListingUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

const isoSchema = z.string();

/** One row of the inbox: the lead, and what the customer index knows of its customer. */
export const leadListEntrySchema = z.object({
  key: z.number().int(),
  leadId: z.string(),
  firstSeenAt: isoSchema,
  listedAt: isoSchema,
  noLongerListedAt: isoSchema.nullable(),
  listingUrl: z
    .string()
    .nullable()
    .refine((url) => url === null || safeListingUrl(url) === url, "Listing links are https only"),
  listingTitle: z.string().nullable(),
  sellerType: z.enum(["private", "dealer"]).nullable(),
  price: z.number().nullable(),
  firstPrice: z.number().nullable(),
  status: z.enum(LEAD_STATUSES),
  assignee: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  customer: z.object({
    id: z.string(),
    /** False once the customer has left the index: the rest is then null, and the lead shows what it knows. */
    indexed: z.boolean(),
    rego: z.string().nullable(),
    state: z.string().nullable(),
    vehicleTitle: z.string().nullable(),
    name: z.string().nullable(),
    phone: z.string().nullable(),
  }),
});
export type LeadListEntry = z.infer<typeof leadListEntrySchema>;

export const leadListResponseSchema = z.object({
  /** Leads matching the filters, on every page. */
  total: z.number().int(),
  leads: z.array(leadListEntrySchema),
});
export type LeadListResponse = z.infer<typeof leadListResponseSchema>;
