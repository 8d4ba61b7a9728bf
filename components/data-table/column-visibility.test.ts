import { describe, expect, it } from "vitest";
import { parseColumnVisibility } from "@/components/data-table/column-visibility";

describe("parseColumnVisibility", () => {
  it("reads a stored map of column ids to booleans", () => {
    expect(parseColumnVisibility('{"vin":false,"state":true}')).toEqual({ vin: false, state: true });
  });

  it("treats nothing stored as every column visible", () => {
    expect(parseColumnVisibility(null)).toEqual({});
  });

  it("drops values that are not booleans", () => {
    expect(parseColumnVisibility('{"vin":"no","state":false}')).toEqual({ state: false });
  });

  it("ignores broken JSON and values that are not maps", () => {
    expect(parseColumnVisibility("{vin:")).toEqual({});
    expect(parseColumnVisibility("[false]")).toEqual({});
    expect(parseColumnVisibility("null")).toEqual({});
  });
});
