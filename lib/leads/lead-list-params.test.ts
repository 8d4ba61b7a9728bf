import { describe, expect, it } from "vitest";
import {
  isLeadListFiltered,
  leadListSearchString,
  parseLeadListSearch,
  type LeadListSearch,
} from "./lead-list-params";

const parse = (query: string) => parseLeadListSearch(new URLSearchParams(query));
const UPLOAD = "0f8fad5b-d9cb-469f-a165-70867728950e";

describe("parseLeadListSearch", () => {
  it("opens the plain link newest first, page 1 of 25", () => {
    expect(parse("")).toEqual({ sort: "first_seen", direction: "desc", page: 1, pageSize: 25 });
    expect(isLeadListFiltered(parse(""))).toBe(false);
  });

  it("reads every filter", () => {
    expect(
      parse(
        `q=%20abc%20123%20&status=contacted,new,won&assignee=mine&within=7&type=price_drop&seller=private&min=10000&max=%2440%2C000&state=vic&upload=${UPLOAD}&sort=price&page=3&size=100`,
      ),
    ).toEqual({
      search: "abc 123",
      statuses: ["new", "contacted", "won"],
      assignee: "mine",
      seenWithinDays: 7,
      type: "price_drop",
      sellerType: "private",
      priceMin: 10_000,
      priceMax: 40_000,
      state: "VIC",
      uploadId: UPLOAD,
      sort: "price",
      direction: "asc",
      page: 3,
      pageSize: 100,
    });
    expect(parse("assignee=nobody").assignee).toBe("nobody");
    expect(parse("assignee=42").assignee).toBe(42);
    expect(isLeadListFiltered(parse("assignee=42"))).toBe(true);
    expect(isLeadListFiltered(parse("min=0"))).toBe(true);
  });

  it("reads the overview's link to the new leads nobody called within 24 hours, and writes it back", () => {
    const waiting = parse("status=new&seen_before=24h");
    expect(waiting).toMatchObject({ statuses: ["new"], seenBeforeHours: 24 });
    expect(leadListSearchString(waiting)).toBe("?status=new&seen_before=24h");
    expect(parse("seen_before=48h").seenBeforeHours).toBeUndefined();
  });

  it("keeps the known statuses of a list, each once", () => {
    expect(parse("status=won,bogus,won").statuses).toEqual(["won"]);
    expect(parse("status=bogus").statuses).toBeUndefined();
  });

  it("drops what it can't read instead of failing", () => {
    expect(
      parse(
        "status=&assignee=me&within=14&type=sold&seller=auction&min=-5&max=cheap&state=&upload=nope&sort=rego&dir=up&page=-2&size=30",
      ),
    ).toEqual(parse(""));
    expect(parse("assignee=0").assignee).toBeUndefined();
    expect(parse("min=1.5").priceMin).toBeUndefined();
    expect(parse(`q=${"x".repeat(500)}`).search).toHaveLength(100);
  });

  it("sorts each column its natural way on the first click", () => {
    expect(parse("sort=price_change").direction).toBe("asc");
    expect(parse("sort=days_listed").direction).toBe("desc");
    expect(parse("sort=price&dir=desc").direction).toBe("desc");
  });
});

describe("leadListSearchString", () => {
  it("leaves defaults out and round-trips everything else", () => {
    expect(leadListSearchString(parse(""))).toBe("");
    const searches: LeadListSearch[] = [
      parse(
        `q=smith&status=new,lost&assignee=7&within=1&type=no_longer_listed&seller=dealer&min=0&max=5000&state=QLD&upload=${UPLOAD}`,
      ),
      parse("sort=price&dir=desc&page=200&size=500"),
      parse("sort=first_seen&dir=asc"),
      parse("sort=days_listed"),
      parse("assignee=mine&type=new_listing"),
    ];
    for (const search of searches) expect(parse(leadListSearchString(search).slice(1))).toEqual(search);
    expect(leadListSearchString(parse("sort=price_change&dir=asc"))).toBe("?sort=price_change");
    expect(leadListSearchString(parse("status=new,contacted"))).toBe("?status=new%2Ccontacted");
  });
});
