import { describe, expect, it } from "vitest";
import { detectHeaderRow } from "@/lib/csv/header-row";

describe("detectHeaderRow", () => {
  it("takes the first row when it is the header", () => {
    expect(
      detectHeaderRow([
        ["Rego No.", "State", "Name"],
        ["ABC123", "VIC", "Jo"],
      ]),
    ).toBe(0);
  });

  it("skips report titles and blank lines, even padded to the full width", () => {
    const rows = [
      ["Sales report June 2022", "", "", ""],
      ["Smith Motors", "", "", ""],
      ["", "", "", ""],
      ["Customer", "Registration", "Rego State", "Date Sold"],
      ["Jo Smith", "ABC123", "VIC", "15/06/2022"],
    ];
    expect(detectHeaderRow(rows)).toBe(3);
  });

  it("finds a header without Recapture names by its width", () => {
    const rows = [
      ["Printed 01/07/2022"],
      [],
      ["Number", "Owner", "Car"],
      ["ABC123", "Jo", "Camry"],
      ["DEF456", "", "Corolla"],
    ];
    expect(detectHeaderRow(rows)).toBe(2);
  });

  it("finds the header of a one-column file", () => {
    expect(detectHeaderRow([["VINs to watch"], [""], ["VIN"], ["1N4AL11D16N337720"]])).toBe(2);
  });
});
