import { describe, expect, it } from "vitest";
import {
  customerIndexSearchString,
  isFiltered,
  parseCustomerIndexSearch,
  type CustomerIndexSearch,
} from "./query-params";

const parse = (query: string) => parseCustomerIndexSearch(new URLSearchParams(query));
const UPLOAD = "0f8fad5b-d9cb-469f-a165-70867728950e";

describe("parseCustomerIndexSearch", () => {
  it("opens the plain link newest sighting first, page 1 of 25", () => {
    expect(parse("")).toEqual({ sort: "newest_sighting", direction: "desc", page: 1, pageSize: 25 });
    expect(isFiltered(parse(""))).toBe(false);
  });

  it("reads every filter", () => {
    expect(
      parse(
        `q=%20abc%20123%20&sightings=yes&within=30&state=vic&upload=${UPLOAD}&seller=private&monitoring=ended&sort=rego&page=3&size=100`,
      ),
    ).toEqual({
      search: "abc 123",
      hasSightings: true,
      sightingWithinDays: 30,
      state: "VIC",
      uploadId: UPLOAD,
      sellerType: "private",
      monitoring: "ended",
      sort: "rego",
      direction: "asc",
      page: 3,
      pageSize: 100,
    });
    expect(parse("sightings=no").hasSightings).toBe(false);
  });

  it("drops what it can't read instead of failing", () => {
    expect(
      parse(
        "sightings=maybe&within=14&upload=nope&seller=auction&monitoring=soon&sort=price&dir=up&page=-2&size=30&state=",
      ),
    ).toEqual(parse(""));
    expect(parse(`q=${"x".repeat(500)}`).search).toHaveLength(100);
  });
});

describe("customerIndexSearchString", () => {
  it("leaves defaults out and round-trips everything else", () => {
    expect(customerIndexSearchString(parse(""))).toBe("");
    const searches: CustomerIndexSearch[] = [
      parse(`q=smith&sightings=no&within=7&state=QLD&upload=${UPLOAD}&seller=dealer&monitoring=now`),
      parse("sort=rego&dir=desc&page=200&size=500"),
      parse("sort=newest_sighting&dir=asc"),
      parse("sort=last_updated"),
    ];
    for (const search of searches) expect(parse(customerIndexSearchString(search).slice(1))).toEqual(search);
    expect(customerIndexSearchString(parse("sort=sale_date&dir=desc"))).toBe("?sort=sale_date");
  });
});
