import { expect, it } from "vitest";
import { describeEachEngine } from "@/lib/testing/database-engines";
import { findColumnMapping, saveColumnMapping, type ColumnMappingRow } from "./column-mappings";

const row = (overrides: Partial<ColumnMappingRow> = {}): ColumnMappingRow => ({
  headersHash: "a".repeat(64),
  columnCount: 2,
  mapping: '[{"target":{"kind":"field","field":"rego"}},{"target":{"kind":"ignore"}}]',
  savedBy: { userId: 7, email: "sam@dealership.example", name: "Sam Staff" },
  savedAt: "2026-12-03T08:00:00.000Z",
  ...overrides,
});

describeEachEngine("column mappings table", () => {
  it("finds nothing for headers no one has saved", async () => {
    expect(await findColumnMapping("b".repeat(64))).toBeUndefined();
  });

  it("stores a mapping with who saved it and when", async () => {
    await saveColumnMapping(row());
    expect(await findColumnMapping("a".repeat(64))).toEqual(row());
  });

  it("keeps one mapping per set of headers: the last saved, by whoever saved it", async () => {
    await saveColumnMapping(row());
    const later = row({
      mapping: '[{"target":{"kind":"field","field":"vin"}},{"target":{"kind":"ignore"}}]',
      savedBy: { userId: null, email: "priya@dealership.example", name: null },
      savedAt: "2026-12-04T09:30:00.000Z",
    });
    await saveColumnMapping(later);
    await saveColumnMapping(row({ headersHash: "c".repeat(64), columnCount: 5 }));
    expect(await findColumnMapping("a".repeat(64))).toEqual(later);
    expect(await findColumnMapping("c".repeat(64))).toMatchObject({ columnCount: 5 });
  });
});
