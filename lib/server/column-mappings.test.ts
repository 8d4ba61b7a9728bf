import { expect, it } from "vitest";
import type { ColumnMapping } from "@/lib/csv";
import { findSharedMapping, shareMapping } from "@/lib/server/column-mappings";
import { saveColumnMapping } from "@/lib/server/db/column-mappings";
import { describeEachEngine } from "@/lib/testing/database-engines";

const HEADERS = ["Rego No.", "State", "Customer Name"];
const MAPPING: ColumnMapping[] = [
  { target: { kind: "field", field: "rego" } },
  { target: { kind: "field", field: "state" } },
  { target: { kind: "ignore" } },
];
const SAM = { id: 3, email: "sam@dealership.example", name: "Sam Staff", role: "staff" as const };
const PRIYA = { id: 4, email: "priya@dealership.example", name: null, role: "staff" as const };

describeEachEngine("shared column mappings", () => {
  it("offers one person's mapping to anyone whose file has the same headers, however they are spelt", async () => {
    await shareMapping(HEADERS, MAPPING, SAM, new Date("2026-12-03T08:00:00Z"));
    expect(await findSharedMapping(["REGO NO", "state", "customer name"])).toEqual({
      mapping: MAPPING,
      savedBy: { email: "sam@dealership.example", name: "Sam Staff" },
      savedAt: "2026-12-03T08:00:00.000Z",
    });
    expect(await findSharedMapping(["Rego No.", "State"])).toBeNull();
  });

  it("keeps the last one saved", async () => {
    await shareMapping(HEADERS, MAPPING, SAM);
    const changed: ColumnMapping[] = [
      ...MAPPING.slice(0, 2),
      { target: { kind: "additional", key: "name" } },
    ];
    await shareMapping(HEADERS, changed, PRIYA, new Date("2026-12-04T10:00:00Z"));
    expect(await findSharedMapping(HEADERS)).toMatchObject({
      mapping: changed,
      savedBy: { email: "priya@dealership.example", name: null },
    });
  });

  it("ignores a stored mapping that no longer fits its headers", async () => {
    const shared = await shareMapping(HEADERS, MAPPING, SAM);
    expect(shared.mapping).toEqual(MAPPING);
    const { createHash } = await import("node:crypto");
    const { mappingSignature } = await import("@/lib/csv/column-mapping");
    await saveColumnMapping({
      headersHash: createHash("sha256").update(mappingSignature(HEADERS)).digest("hex"),
      columnCount: 3,
      mapping: "not json",
      savedBy: { userId: 3, email: SAM.email, name: SAM.name },
      savedAt: new Date().toISOString(),
    });
    expect(await findSharedMapping(HEADERS)).toBeNull();
  });
});
