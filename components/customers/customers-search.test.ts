import { describe, expect, it } from "vitest";
import {
  customerHref,
  customersHref,
  customersSearchString,
  parseCustomersSearch,
  toListParams,
} from "@/components/customers/customers-search";
import { searchParamsFrom } from "@/components/data-table/table-page";

const UPLOAD = "99aa2d8e-348b-4321-beeb-f2fa67bab3eb";
const parse = (query: string) => parseCustomersSearch(new URLSearchParams(query));

describe("parseCustomersSearch", () => {
  it("defaults to the first page of 25 with no filter", () => {
    expect(parse("")).toEqual({ page: 1, size: 25 });
  });

  it("reads page, size and upload", () => {
    expect(parse(`page=3&size=100&upload=${UPLOAD}`)).toEqual({ page: 3, size: 100, uploadId: UPLOAD });
  });

  it("falls back on malformed values instead of failing", () => {
    expect(parse("page=0&size=30&upload=../x")).toEqual({ page: 1, size: 25 });
    expect(parse("page=-2&size=abc")).toEqual({ page: 1, size: 25 });
    expect(parse("page=2.5")).toEqual({ page: 1, size: 25 });
    expect(parse("page=99999999999999999999")).toEqual({ page: 1, size: 25 });
  });

  it("accepts every offered page size", () => {
    for (const size of [25, 50, 100, 250, 500]) expect(parse(`size=${size}`).size).toBe(size);
  });
});

describe("customersSearchString", () => {
  it("leaves out defaults", () => {
    expect(customersSearchString({ page: 1, size: 25 })).toBe("");
    expect(customersSearchString({ page: 2, size: 25 })).toBe("?page=2");
  });

  it("round-trips through parse", () => {
    const search = { page: 4, size: 250, uploadId: UPLOAD } as const;
    expect(parse(customersSearchString(search).slice(1))).toEqual(search);
  });
});

describe("links", () => {
  it("carry the table state to a customer and back", () => {
    const from = { page: 3, size: 50 } as const;
    expect(customerHref("abc", from)).toBe("/customers/abc?page=3&size=50");
    expect(customersHref(from)).toBe("/customers?page=3&size=50");
    expect(customersHref({ page: 1, size: 25 })).toBe("/customers");
  });
});

describe("toListParams", () => {
  it("turns a page into an offset and limit", () => {
    expect(toListParams({ page: 1, size: 25 })).toEqual({ offset: 0, limit: 25 });
    expect(toListParams({ page: 3, size: 100, uploadId: UPLOAD })).toEqual({
      offset: 200,
      limit: 100,
      uploadId: UPLOAD,
    });
  });
});

describe("searchParamsFrom", () => {
  it("reads a page's searchParams record, first value of a repeated key", () => {
    expect(
      parseCustomersSearch(searchParamsFrom({ page: ["2", "5"], size: "50", upload: undefined })),
    ).toEqual({ page: 2, size: 50 });
  });
});
