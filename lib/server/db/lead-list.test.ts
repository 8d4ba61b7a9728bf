import { beforeEach, expect, it } from "vitest";
import type { LeadListQuery } from "@/lib/leads/lead-list";
import type { Customer, Sighting } from "@/lib/recapture/schemas";
import { describeEachEngine } from "@/lib/testing/database-engines";
import { afterFirstCompletePass } from "@/lib/testing/index-history";
import { testCustomer } from "@/lib/testing/test-customer";
import { indexCustomer } from "./customer-index";
import { database } from "./index";
import { listLeads } from "./lead-list";
import { recordLeadSightings } from "./leads";
import { insertUser } from "./users";

const UPLOAD_1 = "0f8fad5b-d9cb-469f-a165-70867728950e";
const UPLOAD_2 = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
const CONTACT = { name: ["customer_name"], phone: "mobile" };
const NOW = new Date("2026-12-03T09:00:00.000Z");

const customer = (id: string, fields: Partial<Customer>) =>
  testCustomer({ id, last_updated: "2026-11-01T00:00:00.000Z", ...fields });

function sighting(lead_id: string, at: string, fields: Partial<Sighting>): Sighting {
  return {
    at,
    lead_id,
    listing_url: `https://www.carsales.com.au/cars/details/${lead_id}/`,
    listing_title: null,
    listing_price: null,
    seller_type: "private",
    ...fields,
  };
}

async function record(at: string, customerId: string, sightings: Sighting[]) {
  const db = await database();
  await db
    .transaction()
    .execute((trx) => recordLeadSightings(trx, "au", [{ customerId, sightings }], new Date(at)));
}

const camry = sighting("lead-a", "2026-11-20T00:00:00.000Z", {
  listing_title: "2019 Toyota Camry Ascent Sport",
  listing_price: 30_000,
});
const mazda = sighting("lead-b", "2026-11-25T00:00:00.000Z", {
  listing_title: "2018 Mazda CX-5 Maxx",
  listing_price: 20_000,
  seller_type: "dealer",
});
const ranger = sighting("lead-c", "2026-12-01T00:00:00.000Z", {
  listing_title: "2021 Ford Ranger XLT",
  listing_price: 45_000,
});
const hyundai = sighting("lead-d", "2026-11-10T00:00:00.000Z", {
  listing_title: "2017 Hyundai i30 Active",
  listing_price: 25_000,
  listing_url: "http://example.com/not-https",
});
const commodore = sighting("lead-e", "2026-11-28T00:00:00.000Z", { listing_title: "2015 Holden Commodore" });

/**
 * Five leads, first seen in this order: a (Camry, VIC, contacted, assigned to the first account),
 * d (Hyundai, since delisted), b (Mazda, dealer, price dropped), c (Ranger, price raised, assigned to
 * the second account), e (Commodore, no price, its customer not in the index).
 */
async function seed() {
  const first = (await insertUser({
    email: "priya@example.com",
    name: "Priya Sharma",
    role: "staff",
    passwordHash: "x",
  }))!;
  const second = (await insertUser({
    email: "tom@example.com",
    name: null,
    role: "staff",
    passwordHash: "x",
  }))!;
  await indexCustomer(
    "au",
    customer("cust-a", {
      rego: "ABC123",
      state: "VIC",
      vehicle_title: "2019 Toyota Camry",
      additional_fields: { customer_name: "Olivia Smith", mobile: "0412 345 678" },
    }),
  );
  await indexCustomer(
    "au",
    customer("cust-b", { rego: "XYZ789", state: "NSW", additional_fields: { customer_name: "Jack Brown" } }),
  );
  await indexCustomer(
    "au",
    customer("cust-c", { rego: "QRS456", state: "QLD", additional_fields: { customer_name: "Mia Jones" } }),
  );
  await indexCustomer(
    "au",
    customer("cust-d", { rego: "DEF456", state: "NSW", additional_fields: { customer_name: "Noah Lee" } }),
  );
  await record("2026-11-30T09:00:00.000Z", "cust-a", [camry]);
  await record("2026-11-30T10:00:00.000Z", "cust-d", [hyundai]);
  await record("2026-12-01T09:00:00.000Z", "cust-b", [mazda]);
  await record("2026-12-02T09:00:00.000Z", "cust-c", [ranger]);
  await record("2026-12-02T12:00:00.000Z", "cust-e", [commodore]);
  await record("2026-12-03T08:00:00.000Z", "cust-b", [{ ...mazda, listing_price: 18_500 }]);
  await record("2026-12-03T08:00:00.000Z", "cust-c", [{ ...ranger, listing_price: 46_000 }]);
  await record("2026-12-03T08:00:00.000Z", "cust-d", []);
  const db = await database();
  await db
    .updateTable("leads")
    .set({ status: "contacted", assignee_user_id: first.id })
    .where("lead_id", "=", "lead-a")
    .execute();
  await db
    .updateTable("leads")
    .set({ assignee_user_id: second.id })
    .where("lead_id", "=", "lead-c")
    .execute();
  // The sync finds a customer's upload by walking the upload's customers.
  await db.updateTable("indexed_customers").set({ upload_id: UPLOAD_1 }).where("id", "=", "cust-a").execute();
  return { first, second };
}

const everything: LeadListQuery = {
  region: "au",
  sort: "first_seen",
  direction: "desc",
  page: 1,
  pageSize: 25,
};

async function leadIds(query: Partial<LeadListQuery>, userId = 0) {
  const page = await listLeads({ ...everything, ...query }, { userId }, CONTACT, NOW);
  const ids = page.leads.map((lead) => lead.leadId.replace("lead-", ""));
  expect(page.total).toBe(ids.length);
  return ids;
}

describeEachEngine("the leads inbox", () => {
  // Leads met after the index was first complete: news, not the dealership's history.
  beforeEach(() => afterFirstCompletePass());

  it("lists leads newest first, with what the index knows of each customer", async () => {
    const { first } = await seed();
    const page = await listLeads(everything, { userId: first.id }, CONTACT, NOW);
    expect(page.total).toBe(5);
    expect(page.leads.map((lead) => lead.leadId)).toEqual(["lead-e", "lead-c", "lead-b", "lead-d", "lead-a"]);
    const camryLead = page.leads.find((lead) => lead.leadId === "lead-a");
    expect(camryLead).toEqual({
      key: expect.any(Number),
      leadId: "lead-a",
      firstSeenAt: "2026-11-30T09:00:00.000Z",
      listedAt: "2026-11-20T00:00:00.000Z",
      noLongerListedAt: null,
      listingUrl: "https://www.carsales.com.au/cars/details/lead-a/",
      listingTitle: "2019 Toyota Camry Ascent Sport",
      sellerType: "private",
      price: 30_000,
      firstPrice: 30_000,
      status: "contacted",
      assignee: { id: first.id, name: "Priya Sharma" },
      customer: {
        id: "cust-a",
        indexed: true,
        rego: "ABC123",
        state: "VIC",
        vehicleTitle: "2019 Toyota Camry",
        name: "Olivia Smith",
        phone: "0412 345 678",
      },
    });
    const [commodoreLead, rangerLead, mazdaLead, hyundaiLead] = page.leads;
    // The customer has left the index (or never reached it): the lead shows what it knows.
    expect(commodoreLead!.customer).toEqual({
      id: "cust-e",
      indexed: false,
      rego: null,
      state: null,
      vehicleTitle: null,
      name: null,
      phone: null,
    });
    expect(rangerLead!.assignee).toEqual({ id: expect.any(Number), name: "tom@example.com" });
    expect(mazdaLead).toMatchObject({ price: 18_500, firstPrice: 20_000 });
    // Only https listings are links.
    expect(hyundaiLead).toMatchObject({ listingUrl: null, noLongerListedAt: "2026-12-03T08:00:00.000Z" });
  });

  it("filters by status, assignee and when first seen", async () => {
    const { first, second } = await seed();
    expect(await leadIds({ statuses: ["contacted"] })).toEqual(["a"]);
    expect(await leadIds({ statuses: ["new", "contacted"] })).toEqual(["e", "c", "b", "d", "a"]);
    expect(await leadIds({ statuses: ["won"] })).toEqual([]);
    expect(await leadIds({ assignee: "mine" }, first.id)).toEqual(["a"]);
    expect(await leadIds({ assignee: "mine" }, second.id)).toEqual(["c"]);
    expect(await leadIds({ assignee: second.id })).toEqual(["c"]);
    expect(await leadIds({ assignee: "nobody" })).toEqual(["e", "b", "d"]);
    expect(await leadIds({ seenWithinDays: 1 })).toEqual(["e", "c"]);
    expect(await leadIds({ seenWithinDays: 7 })).toHaveLength(5);
  });

  it("filters by what happened to the listing", async () => {
    await seed();
    // Still listed at its first price; a lead without a price counts, one whose price rose doesn't.
    expect(await leadIds({ type: "new_listing" })).toEqual(["e", "a"]);
    expect(await leadIds({ type: "price_drop" })).toEqual(["b"]);
    expect(await leadIds({ type: "no_longer_listed" })).toEqual(["d"]);
  });

  it("filters by seller, price, the customer's state and upload", async () => {
    await seed();
    expect(await leadIds({ sellerType: "dealer" })).toEqual(["b"]);
    expect(await leadIds({ sellerType: "private" })).toEqual(["e", "c", "d", "a"]);
    expect(await leadIds({ priceMin: 20_000 })).toEqual(["c", "d", "a"]);
    expect(await leadIds({ priceMax: 20_000 })).toEqual(["b"]);
    expect(await leadIds({ priceMin: 25_000, priceMax: 30_000 })).toEqual(["d", "a"]);
    expect(await leadIds({ state: "vic" })).toEqual(["a"]);
    expect(await leadIds({ state: "NSW" })).toEqual(["b", "d"]);
    expect(await leadIds({ uploadId: UPLOAD_1 })).toEqual(["a"]);
    expect(await leadIds({ uploadId: UPLOAD_2 })).toEqual([]);
  });

  it("searches the customer's rego, name and phone, the listing's title and the lead id", async () => {
    await seed();
    expect(await leadIds({ search: "abc 123" })).toEqual(["a"]);
    expect(await leadIds({ search: "Smith" })).toEqual(["a"]);
    expect(await leadIds({ search: "0412-345-678" })).toEqual(["a"]);
    expect(await leadIds({ search: "ranger" })).toEqual(["c"]);
    expect(await leadIds({ search: "MAZDA cx" })).toEqual(["b"]);
    expect(await leadIds({ search: "lead-e" })).toEqual(["e"]);
    expect(await leadIds({ search: "100%" })).toEqual([]);
    expect(await leadIds({ search: "_" })).toEqual([]);
    expect(await leadIds({ search: "smith", state: "NSW" })).toEqual([]);
  });

  it("pages through a search's leads by price, ties by key, no price last, counting every one it finds", async () => {
    // Thirty Nguyens among thirty-three customers; prices repeat every fourth lead and lead 07 has none.
    const indexes = Array.from({ length: 33 }, (_, index) => index);
    for (const index of indexes) {
      const id = `cust-${index}`;
      const name = index < 30 ? "Ava Nguyen" : "Noah Lee";
      await indexCustomer(
        "au",
        customer(id, { rego: `R${index}`, additional_fields: { customer_name: name } }),
      );
      await record(new Date(Date.UTC(2026, 10, 1, index)).toISOString(), id, [
        sighting(`lead-${String(index).padStart(2, "0")}`, "2026-11-01T00:00:00.000Z", {
          listing_price: index === 7 ? null : 1_000 + (index % 4) * 100,
        }),
      ]);
    }
    const found = indexes.filter((index) => index < 30 && index !== 7);
    const byPrice = (remainders: number[], keys: number[]) =>
      remainders.flatMap((remainder) => keys.filter((index) => index % 4 === remainder)).concat(7);
    const name = (index: number) => `lead-${String(index).padStart(2, "0")}`;
    for (const [direction, expected] of [
      ["asc", byPrice([0, 1, 2, 3], found)],
      ["desc", byPrice([3, 2, 1, 0], [...found].reverse())],
    ] as const) {
      const pages = await Promise.all(
        [1, 2, 3].map((page) =>
          listLeads(
            { ...everything, search: "nguyen", sort: "price", direction, page },
            { userId: 0 },
            CONTACT,
            NOW,
          ),
        ),
      );
      expect(pages.map((page) => page.total)).toEqual([30, 30, 30]);
      expect(pages.flatMap((page) => page.leads.map((lead) => lead.leadId))).toEqual(expected.map(name));
      expect(pages.map((page) => page.leads.length)).toEqual([25, 5, 0]);
    }
  });

  it("sorts by price, price change and days listed, leads without a price last", async () => {
    await seed();
    expect(await leadIds({ sort: "price", direction: "asc" })).toEqual(["b", "d", "a", "c", "e"]);
    expect(await leadIds({ sort: "price", direction: "desc" })).toEqual(["c", "a", "d", "b", "e"]);
    expect(await leadIds({ sort: "price_change", direction: "asc" })).toEqual(["b", "a", "d", "c", "e"]);
    expect(await leadIds({ sort: "days_listed", direction: "desc" })).toEqual(["d", "a", "b", "e", "c"]);
    expect(await leadIds({ sort: "days_listed", direction: "asc" })).toEqual(["c", "e", "b", "a", "d"]);
    expect(await leadIds({ sort: "first_seen", direction: "asc" })).toEqual(["a", "d", "b", "c", "e"]);
  });

  it("pages through the filtered list", async () => {
    const sightings = Array.from({ length: 30 }, (_, index) =>
      sighting(`lead-${String(index).padStart(2, "0")}`, "2026-11-01T00:00:00.000Z", {
        listing_price: 1_000 + index,
      }),
    );
    for (const [index, one] of sightings.entries())
      await record(new Date(Date.UTC(2026, 10, 1, index)).toISOString(), `cust-${index}`, [one]);
    const second = await listLeads({ ...everything, page: 2 }, { userId: 0 }, CONTACT, NOW);
    expect(second.total).toBe(30);
    expect(second.leads.map((lead) => lead.leadId)).toEqual([
      "lead-04",
      "lead-03",
      "lead-02",
      "lead-01",
      "lead-00",
    ]);
    const beyond = await listLeads({ ...everything, page: 3 }, { userId: 0 }, CONTACT, NOW);
    expect(beyond).toEqual({ total: 30, leads: [] });
    const cheap = await listLeads(
      { ...everything, priceMax: 1_009, sort: "price", direction: "asc" },
      { userId: 0 },
      CONTACT,
      NOW,
    );
    expect(cheap.total).toBe(10);
  });
});
