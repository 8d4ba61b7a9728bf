import { describe, expect, it } from "vitest";
import { uploadRequestSchema } from "@/lib/recapture/schemas";
import type { ColumnMapping } from "@/lib/csv/column-mapping";
import { buildUploadPayloads, defaultUploadName } from "@/lib/csv/payload";
import { createReview } from "@/lib/csv/review";

const MAPPING: ColumnMapping[] = [
  { target: { kind: "field", field: "rego" } },
  { target: { kind: "field", field: "state" } },
  { target: { kind: "additional", key: "name" } },
];
const SETTINGS = {
  name: "June sales",
  enable_rego_lookups: true,
  monitor_start_date: "2022-06-01",
  monitor_end_date: undefined,
};

function reviewOf(regos: string[]) {
  return createReview(
    [["Rego", "State", "Name"], ...regos.map((rego, i) => [rego, "VIC", `Customer ${i + 1}`])],
    {
      headerRowIndex: 0,
      mapping: MAPPING,
      region: "au",
    },
  );
}

describe("buildUploadPayloads", () => {
  it("sends the rows that can be sent, in one request the API accepts", () => {
    const payloads = buildUploadPayloads(reviewOf(["ABC123", "BAD#", "DEF456"]), SETTINGS, 100);
    expect(payloads).toHaveLength(1);
    expect(JSON.parse(JSON.stringify(payloads[0]))).toEqual({
      name: "June sales",
      enable_rego_lookups: true,
      monitor_start_date: "2022-06-01",
      customers: [
        { rego: "ABC123", state: "VIC", additional_fields: { name: "Customer 1" } },
        { rego: "DEF456", state: "VIC", additional_fields: { name: "Customer 3" } },
      ],
    });
    expect(uploadRequestSchema.safeParse(payloads[0]).success).toBe(true);
  });

  it("splits a long list into named parts of at most the upload limit", () => {
    const payloads = buildUploadPayloads(
      reviewOf(["AAA001", "AAA002", "AAA003", "AAA004", "AAA005"]),
      SETTINGS,
      2,
    );
    expect(payloads.map(({ name, customers }) => [name, customers.map((customer) => customer.rego)])).toEqual(
      [
        ["June sales (part 1 of 3)", ["AAA001", "AAA002"]],
        ["June sales (part 2 of 3)", ["AAA003", "AAA004"]],
        ["June sales (part 3 of 3)", ["AAA005"]],
      ],
    );
  });

  it("shortens a long name so each part's name still fits the API's 200 characters", () => {
    const long = { ...SETTINGS, name: "N".repeat(200) };
    const [first] = buildUploadPayloads(reviewOf(["AAA001", "AAA002"]), long, 1);
    expect(first?.name).toHaveLength(200);
    expect(first?.name.endsWith("N (part 1 of 2)")).toBe(true);
    expect(uploadRequestSchema.safeParse(first).success).toBe(true);
  });

  it("builds nothing when no row can be sent, and refuses a nonsense limit", () => {
    expect(buildUploadPayloads(reviewOf(["BAD#"]), SETTINGS, 10)).toEqual([]);
    expect(() => buildUploadPayloads(reviewOf(["ABC123"]), SETTINGS, 0)).toThrow(RangeError);
  });
});

describe("defaultUploadName", () => {
  it("names the upload after the file and the day, as Australians write it", () => {
    expect(defaultUploadName("June sales.csv", new Date(2022, 6, 21))).toBe("June sales 21/07/2022");
    expect(defaultUploadName(".csv", new Date(2022, 0, 5))).toBe("Upload 05/01/2022");
  });
});
