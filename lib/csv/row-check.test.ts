import { describe, expect, it } from "vitest";
import type { ColumnMapping } from "@/lib/csv/column-mapping";
import { createRowChecker, type RowProblem } from "@/lib/csv/row-check";

const HEADERS = ["Plate", "Region", "Customer No", "Notes"];
const MAPPING: ColumnMapping[] = [
  { target: { kind: "field", field: "rego" } },
  { target: { kind: "field", field: "state" } },
  { target: { kind: "field", field: "external_id" } },
  { target: { kind: "additional", key: "notes" } },
];

function check(cells: string[], region: "au" | "uk" = "uk") {
  const problems: RowProblem[] = [];
  const customer = createRowChecker(HEADERS, MAPPING, region)(cells, 7, problems);
  return { customer, problems };
}

describe("row check length limits", () => {
  it("sends values at their limits", () => {
    const values = ["ABC123", "S".repeat(40), "C".repeat(100), "N".repeat(1000)];
    const { customer, problems } = check(values);
    expect(problems).toEqual([]);
    expect(customer).toMatchObject({
      state: values[1],
      external_id: values[2],
      additional_fields: { notes: values[3] },
    });
  });

  it("keeps back a row with an overlong value, naming its row and column", () => {
    const { problems } = check(["ABC123", "S".repeat(41), `  ${"C".repeat(101)}  `, "N".repeat(1001)]);
    expect(problems).toEqual([
      {
        severity: "error",
        code: "too-long",
        message: `Row 7, column "Region": "${"S".repeat(40)}…" is 41 characters long; a state has at most 40`,
        column: "Region",
        columnIndex: 1,
        field: "state",
      },
      {
        severity: "error",
        code: "too-long",
        message: `Row 7, column "Notes": "${"N".repeat(40)}…" is 1,001 characters long; an additional field has at most 1,000`,
        column: "Notes",
        columnIndex: 3,
        field: undefined,
      },
      {
        severity: "error",
        code: "too-long",
        message: `Row 7, column "Customer No": "${"C".repeat(40)}…" is 101 characters long; an external ID has at most 100`,
        column: "Customer No",
        columnIndex: 2,
        field: "external_id",
      },
    ]);
  });
});
