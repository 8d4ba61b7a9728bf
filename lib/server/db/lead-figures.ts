import "server-only";
import { sql } from "kysely";
import { dealershipMonth, dealershipWeeks, type DealershipWeek } from "@/lib/leads/dealership-calendar";
import type { LeadStatus } from "@/lib/leads/lead-status";
import {
  CONTACT_DUE_HOURS,
  FIRST_CONTACT_DAYS,
  OVERVIEW_WEEKS,
  leadOutcome,
  median,
  winRate,
  type LeadOverview,
  type WeekOfLeads,
} from "@/lib/leads/overview";
import type { Region } from "@/lib/recapture/regions";
import { database, type Db } from "./index";

/**
 * The overview's figures, each a range scan of one of the leads table's
 * indexes (migrations/leads.ts) that never reads a lead's row: the database
 * counts, and only a month's times to first contact are read, for their
 * median (which the two engines can't compute alike).
 */

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** Leads first seen in each week, by status: one pass over leads_first_seen, grouped by the week each falls in. */
async function weeksOfLeads(db: Db, region: Region, weeks: DealershipWeek[]): Promise<WeekOfLeads[]> {
  // CASE takes the first match, so the latest week whose start the lead was first seen on or after.
  const laterWeeks = weeks
    .map((week, index) => ({ ...week, index }))
    .slice(1)
    .reverse();
  const week = sql<number>`CASE ${sql.join(
    laterWeeks.map(({ start, index }) => sql`WHEN first_seen_at >= ${start} THEN ${sql.lit(index)}`),
    sql` `,
  )} ELSE 0 END`;
  const rows = await db
    .selectFrom("leads")
    .select((eb) => [week.as("week"), "status", eb.fn.countAll<number>().as("leads")])
    .where("region", "=", region)
    .where("first_seen_at", ">=", weeks[0]!.start)
    .where("first_seen_at", "<", weeks.at(-1)!.end)
    .groupBy(["week", "status"])
    .execute();
  const counted = weeks.map(({ monday }) => ({ monday, open: 0, won: 0, lost: 0, dismissed: 0 }));
  for (const row of rows)
    counted[Number(row.week)]![leadOutcome(row.status as LeadStatus)] += Number(row.leads);
  return counted;
}

/** Leads still new CONTACT_DUE_HOURS after they were first seen (leads_status). */
async function notContacted(db: Db, region: Region, now: Date): Promise<number> {
  const due = new Date(now.getTime() - CONTACT_DUE_HOURS * HOUR_MS).toISOString();
  const row = await db
    .selectFrom("leads")
    .select((eb) => eb.fn.countAll<number>().as("leads"))
    .where("region", "=", region)
    .where("status", "=", "new")
    .where("first_seen_at", "<", due)
    .executeTakeFirstOrThrow();
  return Number(row.leads);
}

/** The median time from first seen to first contact of the leads first contacted lately (leads_first_contacted). */
async function firstContact(db: Db, region: Region, now: Date): Promise<LeadOverview["firstContact"]> {
  const since = new Date(now.getTime() - FIRST_CONTACT_DAYS * DAY_MS).toISOString();
  const rows = await db
    .selectFrom("leads")
    .select(["first_seen_at", "first_contacted_at"])
    .where("region", "=", region)
    .where("first_contacted_at", ">=", since)
    .execute();
  const minutes = rows.map(
    (row) => Math.max(0, Date.parse(row.first_contacted_at!) - Date.parse(row.first_seen_at)) / 60_000,
  );
  return { medianMinutes: median(minutes), contacted: rows.length };
}

/** Leads won and lost since the first of this month (leads_status_changed). */
async function thisMonth(
  db: Db,
  region: Region,
  now: Date,
  timeZone: string,
): Promise<LeadOverview["thisMonth"]> {
  const month = dealershipMonth(now, timeZone);
  const rows = await db
    .selectFrom("leads")
    .select((eb) => ["status", eb.fn.countAll<number>().as("leads")])
    .where("region", "=", region)
    .where("status", "in", ["won", "lost"])
    .where("status_changed_at", ">=", month.start)
    .groupBy("status")
    .execute();
  const closed = (status: LeadStatus) => Number(rows.find((row) => row.status === status)?.leads ?? 0);
  const won = closed("won");
  const lost = closed("lost");
  return { firstDay: month.firstDay, won, lost, winRate: winRate(won, lost) };
}

/** How the leads of `region` are going at `now`, by the dealership's calendar in `timeZone`. */
export async function leadOverview(region: Region, now: Date, timeZone: string): Promise<LeadOverview> {
  const db = await database();
  const calendar = dealershipWeeks(now, timeZone, OVERVIEW_WEEKS);
  const [anyLead, weeks, waiting, contact, month] = await Promise.all([
    db.selectFrom("leads").select("key").where("region", "=", region).limit(1).executeTakeFirst(),
    weeksOfLeads(db, region, calendar),
    notContacted(db, region, now),
    firstContact(db, region, now),
    thisMonth(db, region, now, timeZone),
  ]);
  const total = (week: WeekOfLeads) => week.open + week.won + week.lost + week.dismissed;
  return {
    anyLeads: anyLead !== undefined,
    newLeads: { thisWeek: total(weeks.at(-1)!), lastWeek: total(weeks.at(-2)!) },
    notContacted: waiting,
    firstContact: contact,
    thisMonth: month,
    weeks,
  };
}
