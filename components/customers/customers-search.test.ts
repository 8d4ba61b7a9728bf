import { describe, expect, it } from "vitest";
import {
  ALL_CUSTOMERS,
  ariaSortOf,
  customerHref,
  customersHref,
  narrowedTo,
  sortAnnouncement,
  sortedBy,
  toListParams,
  withoutFilters,
} from "@/components/customers/customers-search";
import { searchParamsFrom } from "@/components/data-table/table-page";
import { parseCustomerIndexSearch } from "@/lib/customer-index/query-params";

const UPLOAD = "99aa2d8e-348b-4321-beeb-f2fa67bab3eb";

describe("links", () => {
  it("carry the table state to a customer and back", () => {
    const from = { ...ALL_CUSTOMERS, page: 3, pageSize: 50, state: "VIC" } as const;
    expect(customerHref("abc", from)).toBe("/customers/abc?state=VIC&page=3&size=50");
    expect(customersHref(from)).toBe("/customers?state=VIC&page=3&size=50");
    expect(customersHref(ALL_CUSTOMERS)).toBe("/customers");
    expect(customersHref({ ...ALL_CUSTOMERS, uploadId: UPLOAD })).toBe(`/customers?upload=${UPLOAD}`);
  });

  it("read back from a customer page's searchParams record, first value of a repeated key", () => {
    expect(
      parseCustomerIndexSearch(searchParamsFrom({ page: ["2", "5"], size: "50", upload: undefined })),
    ).toEqual({ ...ALL_CUSTOMERS, page: 2, pageSize: 50 });
  });
});

describe("narrowing and clearing", () => {
  it("goes back to page 1 on a new search or filter, keeping the rest", () => {
    const on = { ...ALL_CUSTOMERS, page: 7, pageSize: 100, state: "VIC" } as const;
    expect(narrowedTo(on, { hasSightings: true })).toEqual({ ...on, page: 1, hasSightings: true });
    expect(narrowedTo(on, { search: "abc 123" })).toEqual({ ...on, page: 1, search: "abc 123" });
    expect(customersHref(narrowedTo(on, { state: undefined }))).toBe("/customers?size=100");
  });

  it("clears every filter and the search, keeping the order and page size", () => {
    const on = {
      ...ALL_CUSTOMERS,
      search: "smith",
      hasSightings: true,
      sightingWithinDays: 30,
      state: "NSW",
      uploadId: UPLOAD,
      sellerType: "dealer",
      monitoring: "now",
      sort: "rego",
      direction: "desc",
      page: 4,
      pageSize: 250,
    } as const;
    expect(customersHref(withoutFilters(on))).toBe("/customers?sort=rego&dir=desc&size=250");
  });
});

describe("sortedBy", () => {
  it("sorts a new column in its own first direction, on page 1", () => {
    const on = { ...ALL_CUSTOMERS, page: 3 };
    expect(sortedBy(on, "rego")).toMatchObject({ sort: "rego", direction: "asc", page: 1 });
    expect(sortedBy(on, "sale_date")).toMatchObject({ sort: "sale_date", direction: "desc", page: 1 });
    expect(sortedBy(on, "last_updated")).toMatchObject({ sort: "last_updated", direction: "desc" });
  });

  it("flips the direction of the sorted column, and back", () => {
    const newestFirst = ALL_CUSTOMERS;
    expect(newestFirst).toMatchObject({ sort: "newest_sighting", direction: "desc" });
    const oldestFirst = sortedBy(newestFirst, "newest_sighting");
    expect(oldestFirst).toMatchObject({ sort: "newest_sighting", direction: "asc" });
    expect(sortedBy(oldestFirst, "newest_sighting")).toMatchObject({ direction: "desc" });
    expect(sortedBy(sortedBy(newestFirst, "rego"), "rego")).toMatchObject({
      sort: "rego",
      direction: "desc",
    });
  });

  it("keeps the sort in the URL only when it isn't the default", () => {
    expect(customersHref(sortedBy(ALL_CUSTOMERS, "rego"))).toBe("/customers?sort=rego");
    expect(customersHref(sortedBy(sortedBy(ALL_CUSTOMERS, "rego"), "rego"))).toBe(
      "/customers?sort=rego&dir=desc",
    );
    expect(customersHref(sortedBy(sortedBy(ALL_CUSTOMERS, "newest_sighting"), "newest_sighting"))).toBe(
      "/customers",
    );
  });
});

describe("toListParams", () => {
  it("turns a page into the live API's offset and limit, with the upload and nothing else", () => {
    expect(toListParams(ALL_CUSTOMERS)).toEqual({ offset: 0, limit: 25 });
    expect(
      toListParams({ ...ALL_CUSTOMERS, page: 3, pageSize: 100, uploadId: UPLOAD, state: "VIC" }),
    ).toEqual({
      offset: 200,
      limit: 100,
      uploadId: UPLOAD,
    });
  });
});

describe("announcing the sort", () => {
  it("says the column and the direction in the dealership's words, and marks only that header", () => {
    expect(sortAnnouncement(ALL_CUSTOMERS)).toBe("Sorted by newest sighting, newest first");
    const byRego = sortedBy(ALL_CUSTOMERS, "rego");
    expect(sortAnnouncement(byRego)).toBe("Sorted by rego, A to Z");
    expect(sortAnnouncement(sortedBy(byRego, "rego"))).toBe("Sorted by rego, Z to A");
    expect(ariaSortOf(byRego, "rego")).toBe("ascending");
    expect(ariaSortOf(sortedBy(byRego, "rego"), "rego")).toBe("descending");
    expect(ariaSortOf(byRego, "newest_sighting")).toBe("none");
  });
});
