import { expect, it } from "vitest";
import { INDEX_SORTS, type IndexedCustomersQuery } from "@/lib/customer-index/query";
import type { Customer } from "@/lib/recapture/schemas";
import { describeEachEngine } from "@/lib/testing/database-engines";
import { writeIndexPage } from "./customer-index";
import { searchIndexedCustomers } from "./customer-index-search";
import { walkIndexedCustomers } from "./customer-index-walk";

const DAYS = ["2024-01-01", "2024-02-01", "2024-03-01"];

/**
 * 40 customers whose sort values repeat and are often empty, so chunks of 3 end in the middle of ties
 * and on the border between the empty values and the rest.
 */
function customers(): Customer[] {
  return Array.from({ length: 40 }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, "0")}`,
    last_updated: `${DAYS[i % 3]}T00:00:00.000Z`,
    rego: i % 5 === 0 ? null : `AB${i % 4}`,
    state: i % 2 === 0 ? "VIC" : "NSW",
    vin: i % 5 === 0 ? `VIN${i}` : null,
    external_id: `E${i}`,
    sale_date: i % 4 === 0 ? null : `${DAYS[i % 2]}T00:00:00.000Z`,
    monitor_start_date: null,
    monitor_end_date: null,
    vehicle_title: null,
    sightings:
      i % 3 === 0
        ? []
        : [
            {
              at: `${DAYS[i % 3]}T10:00:00.000Z`,
              lead_id: `lead-${i}`,
              listing_url: null,
              listing_title: null,
              listing_price: 20_000 + i,
              seller_type: i % 2 === 0 ? "private" : "dealer",
            },
          ],
    additional_fields: { customer_name: i % 2 === 0 ? "Ann Smith" : "Bob Jones" },
  }));
}

async function walked(question: Omit<IndexedCustomersQuery, "page" | "pageSize">, chunkSize: number) {
  const chunks: Customer[][] = [];
  for await (const chunk of walkIndexedCustomers(question, { chunkSize })) chunks.push(chunk);
  return chunks;
}

describeEachEngine("walking the customer index", () => {
  it("reads every customer in the search's order, across chunk borders, ties and empty values", async () => {
    await writeIndexPage({ region: "au", pass: 1, customers: customers() });
    for (const sort of INDEX_SORTS) {
      for (const direction of ["asc", "desc"] as const) {
        const question = { region: "au", sort, direction } as const;
        const { customers: paged } = await searchIndexedCustomers({ ...question, page: 1, pageSize: 500 });
        const chunks = await walked(question, 3);
        expect(chunks.flat(), `${sort} ${direction}`).toEqual(paged);
        expect(chunks.every((chunk) => chunk.length <= 3)).toBe(true);
      }
    }
  });

  it("reads only the customers the filters and search match", async () => {
    await writeIndexPage({ region: "au", pass: 1, customers: customers() });
    const question = {
      region: "au",
      sort: "newest_sighting",
      direction: "desc",
      state: "VIC",
      search: "smith",
      hasSightings: true,
    } as const;
    const { total, customers: paged } = await searchIndexedCustomers({ ...question, page: 1, pageSize: 500 });
    const found = (await walked(question, 4)).flat();
    expect(found).toHaveLength(total);
    expect(found).toEqual(paged);
    expect(found.every((customer) => customer.state === "VIC" && customer.sightings.length > 0)).toBe(true);
  });

  it("reads no further than its reader asks", async () => {
    await writeIndexPage({ region: "au", pass: 1, customers: customers() });
    const walk = walkIndexedCustomers({ region: "au", sort: "rego", direction: "asc" }, { chunkSize: 5 });
    expect((await walk.next()).value).toHaveLength(5);
    await walk.return(undefined);
    expect((await walk.next()).done).toBe(true);
  });

  it("walks an empty index without a chunk", async () => {
    expect(await walked({ region: "au", sort: "rego", direction: "asc" }, 3)).toEqual([]);
  });
});
