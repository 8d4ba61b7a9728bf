import { describe, expect, it } from "vitest";
import type { ColumnMapping } from "@/lib/csv/column-mapping";
import { CAR_REGO, CAR_STATE, CAR_VIN, createDuplicates, recordCar } from "@/lib/csv/duplicates";
import { createReview, reviewCounts } from "@/lib/csv/review";

const MAPPING: ColumnMapping[] = [
  { target: { kind: "field", field: "rego" } },
  { target: { kind: "field", field: "state" } },
  { target: { kind: "field", field: "vin" } },
];

const review = (rows: string[][], region: "au" | "nz" = "au") =>
  createReview([["Rego", "State", "VIN"], ...rows], { headerRowIndex: 0, mapping: MAPPING, region });

// Pairs of different keys with the same 32-bit FNV-1a hash, which the duplicate pass uses.
const VINS_SHARING_A_HASH = ["1N4AL11D16LZYWWWW", "1N4AL11D1M3MRMMMM"];
const REGOS_SHARING_A_HASH = ["TTH008A", "MZM024A"];

describe("recordCar", () => {
  it("keeps which of VIN, rego and state a row has, and hashes only the keys it has", () => {
    const duplicates = createDuplicates(2);
    recordCar(duplicates, 0, { rego: "ABC123", state: "VIC", vin: "1N4AL11D16N337720" });
    recordCar(duplicates, 1, { rego: "ABC123" });
    expect([...duplicates.car]).toEqual([CAR_VIN | CAR_REGO | CAR_STATE, CAR_REGO]);
    expect(duplicates.regoHash[0]).toBe(duplicates.regoHash[1]);
    expect(duplicates.vinHash[0]).not.toBe(0);
    expect(duplicates.vinHash[1]).toBe(0);
  });
});

describe("duplicates by hash", () => {
  it("tells apart VINs and regos whose hashes agree", () => {
    const checked = review([
      ["", "", VINS_SHARING_A_HASH[0]!],
      ["", "", VINS_SHARING_A_HASH[1]!],
      [REGOS_SHARING_A_HASH[0]!, "VIC", ""],
      [REGOS_SHARING_A_HASH[1]!, "VIC", ""],
      ["", "", VINS_SHARING_A_HASH[1]!],
      [REGOS_SHARING_A_HASH[0]!, "VIC", ""],
    ]);
    expect(checked.duplicates.vinHash[0]).toBe(checked.duplicates.vinHash[1]);
    expect(checked.duplicates.regoHash[2]).toBe(checked.duplicates.regoHash[3]);
    expect([...checked.duplicates.of]).toEqual([-1, -1, -1, -1, 1, 2]);
  });

  it("counts a paid lookup for a rego without a VIN, with a state where the region needs one", () => {
    const rows = [
      ["ABC123", "VIC", ""],
      ["DEF456", "", ""],
      ["GHI789", "NSW", "1N4AL11D16N337720"],
    ];
    expect(reviewCounts(review(rows)).paidLookups).toBe(1);
    expect(reviewCounts(review(rows, "nz")).paidLookups).toBe(2);
  });
});
