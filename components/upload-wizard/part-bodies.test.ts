import { describe, expect, it } from "vitest";
import { createReview, parseCsvText } from "@/lib/csv";
import { partBodies } from "@/components/upload-wizard/part-bodies";

const rows = Array.from({ length: 40 }, (_, i) => `REG${String(i).padStart(3, "0")},VIC,Customer ${i}`);
const { rows: fileRows } = parseCsvText(["Rego,State,Name", ...rows].join("\n"));
const review = createReview(fileRows, {
  headerRowIndex: 0,
  region: "au",
  mapping: [
    { target: { kind: "field", field: "rego" } },
    { target: { kind: "field", field: "state" } },
    { target: { kind: "additional", key: "name" } },
  ],
});
const settings = { name: "June", enable_rego_lookups: false };
const parse = (bodies: string[]) =>
  bodies.map((body) => JSON.parse(body) as { name: string; customers: { rego: string }[] });

describe("part bodies", () => {
  it("keeps to the customer limit when the parts are small enough", () => {
    const parts = parse(partBodies(review, settings, 25));
    expect(parts.map(({ name, customers }) => [name, customers.length])).toEqual([
      ["June (part 1 of 2)", 25],
      ["June (part 2 of 2)", 15],
    ]);
  });

  it("splits further when a part would be over the byte limit, keeping every customer in order", () => {
    const bodies = partBodies(review, settings, 40, 1_000);
    expect(bodies.every((body) => new TextEncoder().encode(body).length <= 1_000)).toBe(true);
    const parts = parse(bodies);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts[0]?.name).toBe(`June (part 1 of ${parts.length})`);
    expect(parts.flatMap(({ customers }) => customers.map(({ rego }) => rego))).toEqual(
      rows.map((row) => row.split(",")[0]),
    );
  });
});
