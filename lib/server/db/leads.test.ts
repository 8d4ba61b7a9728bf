import { beforeEach, expect, it } from "vitest";
import type { Sighting } from "@/lib/recapture/schemas";
import { describeEachEngine } from "@/lib/testing/database-engines";
import { afterFirstCompletePass } from "@/lib/testing/index-history";
import { testCustomer } from "@/lib/testing/test-customer";
import { database } from "./index";
import { indexCustomer, removeIndexedCustomer } from "./customer-index";
import { recordLeadSightings } from "./leads";

const MONDAY = new Date("2026-11-30T21:00:00.000Z");
const TUESDAY = new Date("2026-12-01T21:00:00.000Z");
const WEDNESDAY = new Date("2026-12-02T21:00:00.000Z");

function sighting(lead_id: string, listing_price: number | null = 28_500): Sighting {
  return {
    at: "2026-11-30T10:00:00.000Z",
    lead_id,
    listing_url: `https://www.carsales.com.au/cars/details/${lead_id}/`,
    listing_title: "2019 Toyota Camry Ascent Sport",
    listing_price,
    seller_type: "private",
  };
}

async function record(at: Date, customers: Record<string, Sighting[]>) {
  const db = await database();
  return db.transaction().execute((trx) =>
    recordLeadSightings(
      trx,
      "au",
      Object.entries(customers).map(([customerId, sightings]) => ({ customerId, sightings })),
      at,
    ),
  );
}

async function lead(leadId: string) {
  const db = await database();
  const row = await db
    .selectFrom("leads")
    .selectAll()
    .where("lead_id", "=", leadId)
    .executeTakeFirstOrThrow();
  const prices = await db
    .selectFrom("lead_prices")
    .select(["price", "seen_at"])
    .where("lead_key", "=", row.key)
    .orderBy("id")
    .execute();
  const events = await db
    .selectFrom("lead_events")
    .select(["kind", "at", "actor_user_id", "data"])
    .where("lead_key", "=", row.key)
    .orderBy("id")
    .execute();
  return {
    ...row,
    prices,
    events: events.map((event) => ({ ...event, data: JSON.parse(event.data ?? "null") })),
  };
}

describeEachEngine("leads from sightings", () => {
  // Leads met after the index was first complete: news, not the dealership's history.
  beforeEach(() => afterFirstCompletePass());

  it("records a new lead, first seen now, with its first price", async () => {
    const recorded = await record(MONDAY, { c1: [sighting("L1")], c2: [] });
    expect(recorded.added).toHaveLength(1);
    expect(await lead("L1")).toMatchObject({
      region: "au",
      customer_id: "c1",
      listed_at: "2026-11-30T10:00:00.000Z",
      first_seen_at: MONDAY.toISOString(),
      last_seen_at: MONDAY.toISOString(),
      no_longer_listed_at: null,
      listing_title: "2019 Toyota Camry Ascent Sport",
      seller_type: "private",
      first_price: 28_500,
      price: 28_500,
      price_changed_at: null,
      status: "new",
      lost_reason: null,
      assignee_user_id: null,
      status_changed_at: MONDAY.toISOString(),
      first_contacted_at: null,
      prices: [{ price: 28_500, seen_at: MONDAY.toISOString() }],
      events: [{ kind: "seen", at: MONDAY.toISOString(), actor_user_id: null, data: { price: 28_500 } }],
    });
  });

  it("records a price change with its history, and nothing when a read changes nothing", async () => {
    await record(MONDAY, { c1: [sighting("L1")] });
    const unchanged = await record(TUESDAY, { c1: [sighting("L1")] });
    expect(unchanged).toEqual({ added: [], priceChanges: [], delisted: [], relisted: [] });
    const cut = await record(WEDNESDAY, { c1: [sighting("L1", 27_000)] });
    expect(cut.priceChanges).toEqual([{ key: expect.any(Number), from: 28_500, to: 27_000 }]);
    const row = await lead("L1");
    expect(row).toMatchObject({
      first_price: 28_500,
      price: 27_000,
      price_changed_at: WEDNESDAY.toISOString(),
      last_seen_at: WEDNESDAY.toISOString(),
    });
    expect(row.prices).toEqual([
      { price: 28_500, seen_at: MONDAY.toISOString() },
      { price: 27_000, seen_at: WEDNESDAY.toISOString() },
    ]);
    expect(row.events.map(({ kind, data }) => [kind, data])).toEqual([
      ["seen", { price: 28_500 }],
      ["price_change", { from: 28_500, to: 27_000 }],
    ]);
  });

  it("marks a lead gone from its customer's sightings no longer listed, and listed again if it returns", async () => {
    await record(MONDAY, { c1: [sighting("L1"), sighting("L2")], c2: [sighting("L3")] });
    const gone = await record(TUESDAY, { c1: [sighting("L2")] });
    expect(gone.delisted).toHaveLength(1);
    expect(await lead("L1")).toMatchObject({
      no_longer_listed_at: TUESDAY.toISOString(),
      last_seen_at: MONDAY.toISOString(),
    });
    // c2 wasn't read: its lead stays listed.
    expect((await lead("L3")).no_longer_listed_at).toBeNull();
    // Still gone: nothing more to record.
    expect((await record(TUESDAY, { c1: [sighting("L2")] })).delisted).toEqual([]);

    const back = await record(WEDNESDAY, { c1: [sighting("L1", 26_000), sighting("L2")] });
    expect(back.relisted).toEqual(gone.delisted);
    const row = await lead("L1");
    expect(row).toMatchObject({ no_longer_listed_at: null, price: 26_000, status: "new" });
    expect(row.events.map(({ kind }) => kind)).toEqual(["seen", "delisted", "relisted", "price_change"]);
  });

  it("keeps a lead when its customer's record is read under another customer, and per region", async () => {
    await record(MONDAY, { c1: [sighting("L1")] });
    await record(TUESDAY, { c1: [], c2: [sighting("L1")] });
    expect(await lead("L1")).toMatchObject({ customer_id: "c2", no_longer_listed_at: null });
    const db = await database();
    await db
      .transaction()
      .execute((trx) =>
        recordLeadSightings(trx, "nz", [{ customerId: "c9", sightings: [sighting("L1")] }], WEDNESDAY),
      );
    expect(
      (await db.selectFrom("leads").select(["region", "customer_id"]).orderBy("region").execute()).map(
        ({ region, customer_id }) => `${region} ${customer_id}`,
      ),
    ).toEqual(["au c2", "nz c9"]);
  });

  it("records a page of 500 customers with a few hundred leads in one go", async () => {
    const page = (at: Date, price: number) =>
      Object.fromEntries(
        Array.from({ length: 500 }, (_, i) => [
          `c${i}`,
          i % 2 === 0 ? [sighting(`P${i}`, price), sighting(`Q${i}`, price)] : [],
        ]),
      );
    expect((await record(MONDAY, page(MONDAY, 30_000))).added).toHaveLength(500);
    const again = await record(TUESDAY, page(TUESDAY, 29_500));
    expect(again.priceChanges).toHaveLength(500);
    const db = await database();
    const { count } = await db
      .selectFrom("lead_events")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .executeTakeFirstOrThrow();
    expect(Number(count)).toBe(1_000);
  });

  it("keeps a customer's leads, as they were, when the customer leaves the index", async () => {
    const customerId = "00000000-0000-4000-8000-000000000001";
    await indexCustomer(
      "au",
      testCustomer({
        id: customerId,
        last_updated: "2026-11-01T00:00:00.000Z",
        rego: "ABC123",
        sightings: [sighting("L1")],
      }),
      MONDAY,
    );
    await record(MONDAY, { [customerId]: [sighting("L1")] });
    await removeIndexedCustomer("au", customerId, TUESDAY);
    expect(await lead("L1")).toMatchObject({
      customer_id: customerId,
      no_longer_listed_at: null,
      status: "new",
    });
  });

  it("records a change once when two reads find it at the same time", async () => {
    await Promise.all([record(MONDAY, { c1: [sighting("L1")] }), record(MONDAY, { c1: [sighting("L1")] })]);
    await Promise.all([
      record(TUESDAY, { c1: [sighting("L1", 27_000)] }),
      record(TUESDAY, { c1: [sighting("L1", 27_000)] }),
    ]);
    await Promise.all([record(WEDNESDAY, { c1: [] }), record(WEDNESDAY, { c1: [] })]);
    const row = await lead("L1");
    expect(row.events.map(({ kind }) => kind)).toEqual(["seen", "price_change", "delisted"]);
    expect(row.prices).toHaveLength(2);
  });
});
