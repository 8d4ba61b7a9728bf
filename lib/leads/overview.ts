import { z } from "zod";
import { LEAD_CONTACT_DUE_HOURS } from "./lead-list";
import type { LeadStatus } from "./lead-status";

/**
 * The overview's figures (GET /api/overview, the page at `/`): how the
 * dealership is doing at working its leads. Shared by the server that counts
 * them and the page that shows them.
 */

/** A lead still "new" this long after it was first seen has waited too long for a call. */
export const CONTACT_DUE_HOURS = LEAD_CONTACT_DUE_HOURS;
/** Time to first contact is measured over the leads first contacted in this many days. */
export const FIRST_CONTACT_DAYS = 30;
/** The chart's span, this week included. */
export const OVERVIEW_WEEKS = 12;

/**
 * The leads list showing the leads not contacted after CONTACT_DUE_HOURS: still new, first seen before then.
 * The /leads page owns these parameters (lib/leads/lead-list-params.ts).
 */
export const NOT_CONTACTED_LEADS_HREF = `/leads?status=new&seen_before=${CONTACT_DUE_HOURS}h`;

/** Where a lead stands for the chart: still being worked (new, contacted, appointment), or its outcome. */
export const LEAD_OUTCOMES = ["open", "won", "lost", "dismissed"] as const;
export type LeadOutcome = (typeof LEAD_OUTCOMES)[number];

export function leadOutcome(status: LeadStatus): LeadOutcome {
  return status === "won" || status === "lost" || status === "dismissed" ? status : "open";
}

/** The share of closed leads that were won: won ÷ (won + lost); dismissed leads were never a sale to win. Null before any closed. */
export function winRate(won: number, lost: number): number | null {
  return won + lost === 0 ? null : won / (won + lost);
}

/** The middle value (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const count = z.number().int().nonnegative();
const calendarDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const weekOfLeadsSchema = z.object({
  /** The week's Monday on the dealership's calendar. */
  monday: calendarDay,
  /** Leads first seen that week, by where they stand now. */
  open: count,
  won: count,
  lost: count,
  dismissed: count,
});
export type WeekOfLeads = z.infer<typeof weekOfLeadsSchema>;

export const leadOverviewSchema = z.object({
  /** False until the first lead: the page then explains where leads come from. */
  anyLeads: z.boolean(),
  /** Leads first seen this week so far, and in the whole of last week. */
  newLeads: z.object({ thisWeek: count, lastWeek: count }),
  /** Leads still new CONTACT_DUE_HOURS after first seen. */
  notContacted: count,
  /** Over the leads first contacted in the last FIRST_CONTACT_DAYS days. */
  firstContact: z.object({ medianMinutes: z.number().nonnegative().nullable(), contacted: count }),
  /** Leads won and lost since the first of this month, and won ÷ (won + lost). */
  thisMonth: z.object({
    firstDay: calendarDay,
    won: count,
    lost: count,
    winRate: z.number().min(0).max(1).nullable(),
  }),
  /** OVERVIEW_WEEKS weeks, oldest first, the last one this week. */
  weeks: z.array(weekOfLeadsSchema),
});
export type LeadOverview = z.infer<typeof leadOverviewSchema>;

export const overviewResponseSchema = z.object({ overview: leadOverviewSchema });
