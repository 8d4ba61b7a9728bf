import { expect, it } from "vitest";
import type { Customer } from "@/lib/recapture/schemas";
import { describeEachEngine } from "@/lib/testing/database-engines";
import { afterFirstCompletePass } from "@/lib/testing/index-history";
import { testCustomer } from "@/lib/testing/test-customer";
import { searchIndexedCustomers } from "./customer-index-search";
import {
  customersReadInPass,
  indexCustomer,
  removeCustomersNotRead,
  removeIndexedCustomer,
  writeIndexPage,
} from "./customer-index";
import { countIndexedCustomers } from "./customer-sync-state";
import { database } from "./index";

function sighting(at: string, fields: Partial<Customer["sightings"][number]> = {}) {
  return {
    at,
    lead_id: `lead-${at}-${Math.random()}`,
    listing_url: "https://www.carsales.com.au/cars/details/OAG-AD-1/",
    listing_title: "2019 Toyota Camry Ascent Sport",
    listing_price: 28_500,
    seller_type: "private" as const,
    ...fields,
  };
}

const everyone = { region: "au", sort: "rego", direction: "asc", page: 1, pageSize: 25 } as const;

async function idsOf(query: Partial<Parameters<typeof searchIndexedCustomers>[0]>, now?: Date) {
  const { customers } = await searchIndexedCustomers({ ...everyone, ...query }, now);
  return customers.map((found) => found.id);
}

describeEachEngine("customer index writes", () => {
  it("brings the leads of every customer read up to date: new, price changed, no longer listed", async () => {
    await afterFirstCompletePass();
    const listing = sighting("2024-06-01T00:00:00.000Z", { listing_price: 27_000 });
    const car = testCustomer({ sightings: [listing] });
    const read = (sightings: Customer["sightings"], pass: number) =>
      writeIndexPage({ region: "au", pass, customers: [{ ...car, sightings }] });

    expect((await read([listing], 1)).leads.added).toHaveLength(1);
    // Read again unchanged: nothing new.
    expect((await read([listing], 2)).leads).toEqual({
      added: [],
      priceChanges: [],
      delisted: [],
      relisted: [],
    });
    const cheaper = await read([{ ...listing, listing_price: 25_500 }], 3);
    expect(cheaper.leads.priceChanges).toHaveLength(1);
    expect((await read([], 4)).leads.delisted).toHaveLength(1);

    const lead = await (
      await database()
    )
      .selectFrom("leads")
      .selectAll()
      .where("lead_id", "=", listing.lead_id)
      .executeTakeFirstOrThrow();
    expect(lead).toMatchObject({ customer_id: car.id, first_price: 27_000, price: 25_500, status: "new" });
    expect(lead.no_longer_listed_at).not.toBeNull();
  });

  it("records a lead written through (a customer read or edited here) as the sync would", async () => {
    const listing = sighting("2024-07-01T00:00:00.000Z");
    await indexCustomer("au", testCustomer({ sightings: [listing] }));
    const leads = await (await database()).selectFrom("leads").select("lead_id").execute();
    expect(leads).toEqual([{ lead_id: listing.lead_id }]);
  });

  it("writes a page and answers with customers in the API's shape, sightings oldest first", async () => {
    const ann = testCustomer({
      rego: "ZEN407",
      vin: "1N4AL11D16N337720",
      external_id: "CUST-4821",
      sale_date: "2022-01-07T00:00:00.000Z",
      vehicle_title: "2019 Toyota Camry Ascent",
      sightings: [
        sighting("2022-08-15T14:23:01.000Z"),
        sighting("2023-01-02T00:00:00.000Z", { seller_type: "dealer" }),
      ],
      additional_fields: { customer_name: "Ann Smith", vip: true },
    });
    await writeIndexPage({ region: "au", pass: 1, customers: [ann] });
    const { total, customers } = await searchIndexedCustomers(everyone);
    expect(total).toBe(1);
    expect(customers[0]).toEqual(ann);
    expect(Object.keys(customers[0]!)).toEqual(Object.keys(ann));
  });

  it("rewrites a changed customer's sightings and search terms, and leaves an unchanged one alone", async () => {
    const bob = testCustomer({ additional_fields: { customer_name: "Bob Jones" } });
    await writeIndexPage({ region: "au", pass: 1, customers: [bob] });
    const changed = {
      ...bob,
      additional_fields: { customer_name: "Bob Brown" },
      sightings: [sighting("2024-01-01T00:00:00.000Z")],
    };
    await writeIndexPage({ region: "au", pass: 2, customers: [changed] });
    expect(await idsOf({ search: "jones" })).toEqual([]);
    expect(await idsOf({ search: "brown" })).toEqual([bob.id]);
    expect(await idsOf({ hasSightings: true })).toEqual([bob.id]);
    // Read again unchanged by pass 3: marked as read, nothing else.
    await writeIndexPage({ region: "au", pass: 3, customers: [changed] });
    expect(await customersReadInPass("au", 3, [bob.id])).toEqual(new Set([bob.id]));
    expect((await searchIndexedCustomers(everyone)).customers).toEqual([changed]);
  });

  it("keeps an edit written through when a page read before it arrives later", async () => {
    const before = testCustomer({ external_id: "OLD" });
    await writeIndexPage({ region: "au", pass: 1, customers: [before] });
    const edited = { ...before, external_id: "NEW", last_updated: "2024-06-01T00:00:00.000Z" };
    await indexCustomer("au", edited);
    await writeIndexPage({ region: "au", pass: 2, customers: [before] });
    expect((await searchIndexedCustomers(everyone)).customers).toEqual([edited]);
    expect(await customersReadInPass("au", 2, [before.id])).toEqual(new Set([before.id]));
  });

  it("keeps a customer deleted through the dashboard out, even when a page read before the delete arrives", async () => {
    const gone = testCustomer();
    const kept = testCustomer();
    await writeIndexPage({ region: "au", pass: 1, customers: [gone, kept] });
    await removeIndexedCustomer("au", gone.id);
    await writeIndexPage({ region: "au", pass: 2, customers: [gone, kept] });
    expect(await idsOf({})).toEqual([kept.id]);
    expect(await idsOf({ search: gone.rego! })).toEqual([]);
  });

  it("removes after a complete pass the customers it didn't read, but not one written through meanwhile", async () => {
    const stays = testCustomer();
    const leaves = testCustomer({ sightings: [sighting("2024-02-02T00:00:00.000Z")] });
    await writeIndexPage({ region: "au", pass: 1, customers: [stays, leaves] });
    const startedAt = new Date();
    const created = testCustomer();
    await indexCustomer("au", created, new Date(startedAt.getTime() + 1));
    await writeIndexPage({ region: "au", pass: 2, customers: [stays] });
    expect(await removeCustomersNotRead("au", 2, startedAt.toISOString())).toBe(1);
    expect(new Set(await idsOf({}))).toEqual(new Set([stays.id, created.id]));
    expect(await idsOf({ hasSightings: true })).toEqual([]);
  });

  it("tags the customers of an upload walk, and keeps regions apart", async () => {
    const tagged = testCustomer();
    const other = testCustomer();
    await writeIndexPage({ region: "au", pass: 1, customers: [tagged, other] });
    await writeIndexPage({ region: "nz", pass: 1, customers: [testCustomer()] });
    const uploadId = "99aa2d8e-348b-4321-beeb-f2fa67bab3eb";
    await writeIndexPage({ region: "au", pass: 1, uploadId, customers: [tagged] });
    expect(await idsOf({ uploadId })).toEqual([tagged.id]);
    expect(await countIndexedCustomers("au")).toBe(2);
    expect(await countIndexedCustomers("nz")).toBe(1);
  });

  it("keeps a customer the API can't read as it was, counted as read", async () => {
    const unreadable = testCustomer();
    await writeIndexPage({ region: "au", pass: 1, customers: [unreadable] });
    await writeIndexPage({ region: "au", pass: 2, customers: [], unreadableIds: [unreadable.id] });
    expect(await customersReadInPass("au", 2, [unreadable.id])).toEqual(new Set([unreadable.id]));
  });
});

describeEachEngine("searchIndexedCustomers", () => {
  const now = new Date("2024-06-15T00:00:00.000Z");

  it("finds a rego however it is typed, and any additional field's value by prefix", async () => {
    const ann = testCustomer({
      rego: "ABC123",
      additional_fields: { customer_name: "Ann Smith", phone: "0412 345 678" },
    });
    const bo = testCustomer({
      rego: "XYZ9",
      vin: "JTDBR32E100000001",
      external_id: "DMS-554433",
      additional_fields: { email: "bo@example.com" },
    });
    await writeIndexPage({ region: "au", pass: 1, customers: [ann, bo] });
    for (const typed of ["abc 123", "ABC-1", "abc", "smith", "SMI", "ann s", "0412345678", "0412 345"])
      expect(await idsOf({ search: typed }), typed).toEqual([ann.id]);
    for (const typed of ["jtdbr", "dms-554", "DMS554", "bo@ex"])
      expect(await idsOf({ search: typed }), typed).toEqual([bo.id]);
    expect(await idsOf({ search: "nobody" })).toEqual([]);
  });

  it("counts a customer found by several of its terms once, with or without other filters", async () => {
    const smiths = [
      testCustomer({ additional_fields: { customer_name: "Smith Smithers", salesperson: "Jo Smith" } }),
      testCustomer({ state: "NSW", additional_fields: { customer_name: "Ann Smith" } }),
    ];
    await writeIndexPage({ region: "au", pass: 1, customers: [...smiths, testCustomer()] });
    await writeIndexPage({
      region: "nz",
      pass: 1,
      customers: [testCustomer({ additional_fields: { name: "Smith" } })],
    });
    expect((await searchIndexedCustomers({ ...everyone, search: "smith" })).total).toBe(2);
    expect((await searchIndexedCustomers({ ...everyone, search: "smith", state: "VIC" })).total).toBe(1);
  });

  it("filters by sightings, their age and seller, state, upload and monitoring", async () => {
    const recent = testCustomer({
      state: "NSW",
      sightings: [sighting("2024-06-10T00:00:00.000Z", { seller_type: "dealer" })],
    });
    const older = testCustomer({ sightings: [sighting("2024-04-01T00:00:00.000Z")] });
    const none = testCustomer({ monitor_end_date: "2024-01-01T00:00:00.000Z" });
    const future = testCustomer({ monitor_start_date: "2025-01-01T00:00:00.000Z" });
    await writeIndexPage({ region: "au", pass: 1, customers: [recent, older, none, future] });
    expect(new Set(await idsOf({ hasSightings: true }))).toEqual(new Set([recent.id, older.id]));
    expect(new Set(await idsOf({ hasSightings: false }))).toEqual(new Set([none.id, future.id]));
    expect(await idsOf({ sightingWithinDays: 7 }, now)).toEqual([recent.id]);
    expect(new Set(await idsOf({ sightingWithinDays: 90 }, now))).toEqual(new Set([recent.id, older.id]));
    expect(await idsOf({ sellerType: "dealer" })).toEqual([recent.id]);
    expect(await idsOf({ state: "nsw" })).toEqual([recent.id]);
    expect(new Set(await idsOf({ monitoring: "now" }, now))).toEqual(new Set([recent.id, older.id]));
    expect(await idsOf({ monitoring: "ended" }, now)).toEqual([none.id]);
  });

  it("sorts both ways with customers lacking the value last when newest come first, and pages by the filtered total", async () => {
    const a = testCustomer({
      rego: "AAA1",
      sale_date: "2020-01-01T00:00:00.000Z",
      sightings: [sighting("2024-01-01T00:00:00.000Z")],
    });
    const b = testCustomer({
      rego: "BBB1",
      sale_date: null,
      sightings: [sighting("2024-03-01T00:00:00.000Z")],
    });
    const c = testCustomer({
      rego: "CCC1",
      sale_date: "2021-01-01T00:00:00.000Z",
      last_updated: "2024-05-02T00:00:00.000Z",
    });
    await writeIndexPage({ region: "au", pass: 1, customers: [a, b, c] });
    const sorted = (
      sort: "newest_sighting" | "sale_date" | "rego" | "last_updated",
      direction: "asc" | "desc",
    ) => idsOf({ sort, direction });
    expect(await sorted("newest_sighting", "desc")).toEqual([b.id, a.id, c.id]);
    expect(await sorted("newest_sighting", "asc")).toEqual([c.id, a.id, b.id]);
    expect(await sorted("sale_date", "desc")).toEqual([c.id, a.id, b.id]);
    expect(await sorted("rego", "desc")).toEqual([c.id, b.id, a.id]);
    expect(await sorted("last_updated", "desc")).toEqual([c.id, b.id, a.id]);

    const many = Array.from({ length: 60 }, (_, index) =>
      testCustomer({ rego: `P${String(index).padStart(3, "0")}`, state: "QLD" }),
    );
    await writeIndexPage({ region: "au", pass: 1, customers: many });
    const third = await searchIndexedCustomers({ ...everyone, state: "QLD", page: 3 });
    expect(third.total).toBe(60);
    expect(third.customers.map((found) => found.rego)).toEqual(many.slice(50).map((found) => found.rego));
  });

  it("refuses a page size outside 25 to 500", async () => {
    await expect(searchIndexedCustomers({ ...everyone, pageSize: 10 })).rejects.toThrow();
    await expect(searchIndexedCustomers({ ...everyone, pageSize: 501 })).rejects.toThrow();
  });
});
