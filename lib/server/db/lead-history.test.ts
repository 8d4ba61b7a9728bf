import { expect, it } from "vitest";
import { HISTORY_DISMISSAL } from "@/lib/leads/lead-history";
import type { Customer, Sighting } from "@/lib/recapture/schemas";
import { describeEachEngine } from "@/lib/testing/database-engines";
import { testCustomer } from "@/lib/testing/test-customer";
import { indexCustomer, writeIndexPage } from "./customer-index";
import { finishSyncPass, recordCompletePass, startSyncPass } from "./customer-sync-state";
import { database } from "./index";
import { findDigestLeads } from "./lead-mail";

const NOW = new Date("2026-12-03T09:00:00.000Z");
const LISTED_A_YEAR_AGO = "2025-12-01T02:30:00Z";
const LISTED_3_DAYS_AGO = "2026-11-30T09:00:00.000Z";

function sighting(lead_id: string, at: string): Sighting {
  return {
    at,
    lead_id,
    listing_url: `https://www.carsales.com.au/cars/details/${lead_id}/`,
    listing_title: "2019 Toyota Camry Ascent Sport",
    listing_price: 28_500,
    seller_type: "private",
  };
}

const customer = (sightings: Sighting[]): Customer =>
  testCustomer({ vehicle_title: "2019 Toyota Camry Ascent Sport", sightings });

async function lead(leadId: string) {
  const db = await database();
  const row = await db
    .selectFrom("leads")
    .select(["key", "status", "first_seen_at", "last_seen_at", "status_changed_at", "first_contacted_at"])
    .where("lead_id", "=", leadId)
    .executeTakeFirstOrThrow();
  const events = await db
    .selectFrom("lead_events")
    .select(["kind", "at", "actor_user_id", "data"])
    .where("lead_key", "=", row.key)
    .orderBy("at")
    .orderBy("id")
    .execute();
  const prices = await db
    .selectFrom("lead_prices")
    .select("seen_at")
    .where("lead_key", "=", row.key)
    .execute();
  return {
    ...row,
    prices,
    events: events.map((event) => ({ ...event, data: JSON.parse(event.data ?? "null") })),
  };
}

/** A sync pass that reads `customers` and, if `complete`, finishes as the index's complete pass. */
async function syncPass(customers: Customer[], at: Date, complete: boolean) {
  const { pass } = await startSyncPass("au", at);
  const written = await writeIndexPage({ region: "au", pass, customers }, at);
  if (complete) await recordCompletePass("au", pass, at);
  await finishSyncPass("au", pass, at);
  return written.leads;
}

describeEachEngine("the dealership's history is not the inbox", () => {
  it("records the first pass's old sightings as dismissed and its recent ones as new, first seen when listed", async () => {
    await syncPass(
      [customer([sighting("OLD", LISTED_A_YEAR_AGO), sighting("RECENT", LISTED_3_DAYS_AGO)])],
      NOW,
      true,
    );

    expect(await lead("OLD")).toMatchObject({
      status: "dismissed",
      first_seen_at: "2025-12-01T02:30:00.000Z",
      last_seen_at: NOW.toISOString(),
      status_changed_at: NOW.toISOString(),
      first_contacted_at: null,
      prices: [{ seen_at: "2025-12-01T02:30:00.000Z" }],
      events: [
        { kind: "seen", at: "2025-12-01T02:30:00.000Z", actor_user_id: null, data: { price: 28_500 } },
        { kind: "status", at: NOW.toISOString(), actor_user_id: null, data: HISTORY_DISMISSAL },
      ],
    });
    expect(HISTORY_DISMISSAL).toEqual({ from: "new", to: "dismissed", why: "history" });
    expect(await lead("RECENT")).toMatchObject({
      status: "new",
      first_seen_at: LISTED_3_DAYS_AGO,
      status_changed_at: LISTED_3_DAYS_AGO,
      events: [{ kind: "seen", at: LISTED_3_DAYS_AGO, data: { price: 28_500 } }],
    });
  });

  it("keeps meeting history until a pass is complete, through the write-through too", async () => {
    // A pass that failed or was stopped: the index is still only part of the dealership's history.
    await syncPass([customer([sighting("FIRST", LISTED_A_YEAR_AGO)])], NOW, false);
    await indexCustomer("au", customer([sighting("WRITTEN", LISTED_A_YEAR_AGO)]), NOW);
    expect((await lead("FIRST")).status).toBe("dismissed");
    expect(await lead("WRITTEN")).toMatchObject({
      status: "dismissed",
      events: [{ kind: "seen" }, { kind: "status", data: HISTORY_DISMISSAL }],
    });
  });

  it("records a sighting met after the first complete pass as news: first seen now, new, however old", async () => {
    await syncPass([customer([])], NOW, true);
    const later = new Date(NOW.getTime() + 60_000);
    await syncPass([customer([sighting("LATER", LISTED_A_YEAR_AGO)])], later, true);
    await indexCustomer("au", customer([sighting("WRITTEN", LISTED_3_DAYS_AGO)]), later);

    for (const leadId of ["LATER", "WRITTEN"])
      expect(await lead(leadId)).toMatchObject({
        status: "new",
        first_seen_at: later.toISOString(),
        status_changed_at: later.toISOString(),
        events: [{ kind: "seen", at: later.toISOString() }],
      });
  });

  it("leaves dismissed leads out of the managers' digest", async () => {
    await syncPass(
      [customer([sighting("OLD", LISTED_A_YEAR_AGO), sighting("RECENT", LISTED_3_DAYS_AGO)])],
      NOW,
      true,
    );
    const digest = await findDigestLeads(
      "au",
      { from: "2000-01-01T00:00:00.000Z", until: NOW.toISOString() },
      10,
    );
    expect(digest.newCount).toBe(1);
    expect(digest.newLeads.map(({ key }) => key)).toEqual([(await lead("RECENT")).key]);
  });
});
