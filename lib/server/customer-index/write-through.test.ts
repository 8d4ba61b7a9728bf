import { expect, it } from "vitest";
import { searchIndexedCustomers } from "@/lib/server/db/customer-index-search";
import { writeIndexPage } from "@/lib/server/db/customer-index";
import { describeEachEngine } from "@/lib/testing/database-engines";
import { testCustomer } from "@/lib/testing/test-customer";
import { withCustomerIndexed, withCustomerUnindexed, withReplacementIndexed } from "./write-through";

const customer = (id: string, rego: string) => testCustomer({ id, rego });
const OLD = customer("00000000-0000-4000-8000-000000000001", "OLD111");
const NEW = customer("00000000-0000-4000-8000-000000000002", "NEW222");

async function indexedRegos(): Promise<(string | null)[]> {
  const { customers } = await searchIndexedCustomers({
    region: "au",
    sort: "rego",
    direction: "asc",
    page: 1,
    pageSize: 25,
  });
  return customers.map((found) => found.rego);
}

describeEachEngine("writing the dashboard's changes through to the index", () => {
  it("indexes a created or edited customer and passes the API's answer on", async () => {
    const answer = { success: true as const, customer: OLD };
    await expect(withCustomerIndexed(undefined, answer)).resolves.toBe(answer);
    expect(await indexedRegos()).toEqual(["OLD111"]);
    await withCustomerIndexed("au", {
      customer: { ...OLD, rego: "OLD111", external_id: "E-1", last_updated: "2024-05-02T00:00:00.000Z" },
    });
    expect(
      (
        await searchIndexedCustomers({
          region: "au",
          search: "e-1",
          sort: "rego",
          direction: "asc",
          page: 1,
          pageSize: 25,
        })
      ).total,
    ).toBe(1);
  });

  it("takes a deleted customer out", async () => {
    await writeIndexPage({ region: "au", pass: 1, customers: [OLD] });
    await withCustomerUnindexed("au", OLD.id, { success: true });
    expect(await indexedRegos()).toEqual([]);
  });

  it("swaps the records of a replaced vehicle, keeping the old one while it still exists upstream", async () => {
    await writeIndexPage({ region: "au", pass: 1, customers: [OLD] });
    await withReplacementIndexed("au", { customer: NEW, old_customer: { id: OLD.id, state: "still_there" } });
    expect(await indexedRegos()).toEqual(["NEW222", "OLD111"]);
    await withReplacementIndexed("au", { customer: NEW, old_customer: { id: OLD.id, state: "deleted" } });
    expect(await indexedRegos()).toEqual(["NEW222"]);
  });
});
