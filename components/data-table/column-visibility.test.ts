import { describe, expect, it } from "vitest";
import { choicesAfterChange, shownColumns } from "@/components/data-table/column-visibility";

describe("shownColumns", () => {
  it("shows every column but those hidden by default, until the person chooses", () => {
    expect(shownColumns(null, ["field:branch"])).toEqual({ "field:branch": false });
    expect(shownColumns({ "field:branch": true, vin: false }, ["field:branch", "field:phone"])).toEqual({
      "field:branch": true,
      "field:phone": false,
      vin: false,
    });
  });
});

describe("choicesAfterChange", () => {
  const shown = { "field:branch": false, "field:phone": true, vin: false };
  const saved = { "field:phone": true, vin: false };

  it("adds the column that changed to what was saved", () => {
    expect(choicesAfterChange(saved, shown, { ...shown, "field:branch": true })).toEqual({
      "field:phone": true,
      vin: false,
      "field:branch": true,
    });
    expect(choicesAfterChange(null, {}, { state: false })).toEqual({ state: false });
  });

  it("keeps choices for columns the table no longer has, and leaves out untouched defaults", () => {
    const older = { ...saved, "field:retired": true };
    expect(choicesAfterChange(older, shown, { ...shown, vin: true })).toEqual({
      "field:phone": true,
      vin: true,
      "field:retired": true,
    });
  });

  it("saves nothing when nothing changed", () => {
    expect(choicesAfterChange(saved, shown, { ...shown })).toBeUndefined();
  });
});
