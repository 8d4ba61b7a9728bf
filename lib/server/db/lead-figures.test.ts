import type { Updateable } from "kysely";
import { expect, it } from "vitest";
import type { Region } from "@/lib/recapture/regions";
import { describeEachEngine } from "@/lib/testing/database-engines";
import { database } from "./index";
import { leadOverview } from "./lead-figures";
import { recordLeadSightings } from "./leads";
import type { LeadsTable } from "./schema";

const MELBOURNE = "Australia/Melbourne";
// Thursday 03/12/2026 13:00 in Melbourne: this week began Monday 30/11 at 00:00 local (29/11 13:00 UTC).
const NOW = new Date("2026-12-03T02:00:00.000Z");
const HOUR_MS = 3600 * 1000;
const later = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * HOUR_MS).toISOString();

/** A lead first seen at `at`, as the sync records it. */
async function seen(leadId: string, at: string, region: Region = "au") {
  const db = await database();
  await recordLeadSightings(
    db,
    region,
    [
      {
        customerId: `customer-${leadId}`,
        sightings: [
          {
            at,
            lead_id: leadId,
            listing_url: `https://www.carsales.com.au/cars/details/${leadId}/`,
            listing_title: "2019 Toyota Camry Ascent Sport",
            listing_price: 28_500,
            seller_type: "private",
          },
        ],
      },
    ],
    new Date(at),
  );
}

/** Where people have taken the lead since. */
async function worked(leadId: string, changes: Updateable<LeadsTable>) {
  const db = await database();
  await db.updateTable("leads").set(changes).where("lead_id", "=", leadId).execute();
}

/** A lead seen at `at`, first contacted `hours` later, and (unless still contacted) closed at `closedAt`. */
async function contacted(
  leadId: string,
  at: string,
  hours: number,
  outcome?: { status: "won" | "lost"; at: string },
) {
  await seen(leadId, at);
  const firstContact = later(at, hours);
  await worked(leadId, {
    status: outcome?.status ?? "contacted",
    first_contacted_at: firstContact,
    status_changed_at: outcome?.at ?? firstContact,
  });
}

describeEachEngine("the overview's lead figures", () => {
  it("are all zero, with no median or win rate, before the first lead", async () => {
    const overview = await leadOverview("au", NOW, MELBOURNE);
    expect(overview).toMatchObject({
      anyLeads: false,
      newLeads: { thisWeek: 0, lastWeek: 0 },
      notContacted: 0,
      firstContact: { medianMinutes: null, contacted: 0 },
      thisMonth: { firstDay: "2026-12-01", won: 0, lost: 0, winRate: null },
    });
    expect(overview.weeks).toHaveLength(12);
    expect(overview.weeks.every((week) => week.open + week.won + week.lost + week.dismissed === 0)).toBe(
      true,
    );
  });

  it("count the leads by the dealership's weeks and month, and time their first contact", async () => {
    // This week: one seen just after Monday's local midnight (still Sunday in UTC), one seen 4 hours ago.
    await seen("monday-early", "2026-11-29T13:00:00.000Z");
    await seen("fresh", "2026-12-02T22:00:00.000Z");
    // Last week: one seen on Sunday 23:59 local, still new; one contacted after 2 hours; one dismissed.
    await seen("sunday-late", "2026-11-29T12:59:00.000Z");
    await contacted("called", "2026-11-25T00:00:00.000Z", 2);
    await seen("dismissed", "2026-11-23T00:00:00.000Z");
    await worked("dismissed", { status: "dismissed", status_changed_at: "2026-11-23T01:00:00.000Z" });
    // Earlier weeks: won this month, lost just before this month began in Melbourne, lost this month.
    await contacted("won", "2026-11-20T00:00:00.000Z", 6, { status: "won", at: "2026-12-01T00:00:00.000Z" });
    await contacted("lost-november", "2026-11-10T00:00:00.000Z", 1, {
      status: "lost",
      at: "2026-11-30T12:00:00.000Z",
    });
    await contacted("lost-december", "2026-11-10T02:00:00.000Z", 4, {
      status: "lost",
      at: "2026-12-02T00:00:00.000Z",
    });
    // First contacted 45 days ago: in the chart's weeks, not in the time to first contact.
    await contacted("october", "2026-10-01T00:00:00.000Z", 10);
    // Before the chart's twelve weeks, never called; and a lead of another region.
    await seen("june", "2026-06-01T00:00:00.000Z");
    await seen("kiwi", "2026-12-01T00:00:00.000Z", "nz");

    const overview = await leadOverview("au", NOW, MELBOURNE);
    expect(overview).toMatchObject({
      anyLeads: true,
      newLeads: { thisWeek: 2, lastWeek: 3 },
      // Still new 24 hours after first seen: monday-early, sunday-late, june (not fresh).
      notContacted: 3,
      // 1, 2, 4 and 6 hours.
      firstContact: { medianMinutes: 180, contacted: 4 },
      thisMonth: { firstDay: "2026-12-01", won: 1, lost: 1, winRate: 0.5 },
    });
    const zero = { open: 0, won: 0, lost: 0, dismissed: 0 };
    expect(overview.weeks.map(({ monday }) => monday)).toEqual([
      "2026-09-14",
      "2026-09-21",
      "2026-09-28",
      "2026-10-05",
      "2026-10-12",
      "2026-10-19",
      "2026-10-26",
      "2026-11-02",
      "2026-11-09",
      "2026-11-16",
      "2026-11-23",
      "2026-11-30",
    ]);
    expect(overview.weeks.filter((week) => week.open + week.won + week.lost + week.dismissed > 0)).toEqual([
      { ...zero, monday: "2026-09-28", open: 1 },
      { ...zero, monday: "2026-11-09", lost: 2 },
      { ...zero, monday: "2026-11-16", won: 1 },
      { ...zero, monday: "2026-11-23", open: 2, dismissed: 1 },
      { ...zero, monday: "2026-11-30", open: 2 },
    ]);
    expect((await leadOverview("nz", NOW, MELBOURNE)).newLeads.thisWeek).toBe(1);
  });
});
