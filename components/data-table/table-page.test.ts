import { describe, expect, it } from "vitest";
import {
  nextTablePage,
  parseTablePage,
  setTablePageParams,
  toPaginationState,
} from "@/components/data-table/table-page";

const parse = (query: string, defaultSize?: 25 | 50) =>
  parseTablePage(new URLSearchParams(query), defaultSize);

describe("parseTablePage", () => {
  it("reads page and size, counting pages from 1", () => {
    expect(parse("page=3&size=100")).toEqual({ page: 3, size: 100 });
  });

  it("falls back to the first page at the table's own default size", () => {
    expect(parse("")).toEqual({ page: 1, size: 25 });
    expect(parse("", 50)).toEqual({ page: 1, size: 50 });
    expect(parse("page=-1&size=30", 50)).toEqual({ page: 1, size: 50 });
  });
});

describe("setTablePageParams", () => {
  it("leaves out the defaults, so the plain link stays plain", () => {
    const params = new URLSearchParams();
    setTablePageParams(params, { page: 1, size: 50 }, 50);
    expect(params.toString()).toBe("");
    setTablePageParams(params, { page: 2, size: 25 }, 50);
    expect(params.toString()).toBe("page=2&size=25");
  });
});

describe("nextTablePage", () => {
  it("moves to the page the pager asks for", () => {
    expect(nextTablePage({ page: 2, size: 50 }, { pageIndex: 2, pageSize: 50 })).toEqual({
      page: 3,
      size: 50,
    });
  });

  it("keeps the row that was on top in view when the page size changes", () => {
    // Rows 101–150 were on screen; at 25 a page, row 101 is on page 5.
    expect(nextTablePage({ page: 3, size: 50 }, { pageIndex: 2, pageSize: 25 })).toEqual({
      page: 5,
      size: 25,
    });
    expect(nextTablePage({ page: 5, size: 25 }, { pageIndex: 4, pageSize: 100 })).toEqual({
      page: 2,
      size: 100,
    });
  });

  it("keeps the size on screen when asked for one the pager doesn't offer", () => {
    expect(nextTablePage({ page: 1, size: 50 }, { pageIndex: 1, pageSize: 33 })).toEqual({
      page: 2,
      size: 50,
    });
  });
});

describe("toPaginationState", () => {
  it("counts the table's pages from 0", () => {
    expect(toPaginationState({ page: 3, size: 100 })).toEqual({ pageIndex: 2, pageSize: 100 });
  });
});
