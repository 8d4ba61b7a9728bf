import { describe, expect, it } from "vitest";
import type { ReviewedRow } from "@/lib/csv";
import { cellTone, problemText, rowStatusLabel } from "@/components/upload-wizard/review-display";

const row = (overrides: Partial<ReviewedRow>): ReviewedRow => ({
  index: 0,
  rowNumber: 2,
  cells: [],
  customer: {},
  status: "ok",
  sent: true,
  problems: [],
  ...overrides,
});

describe("review display", () => {
  it("drops the row number the table already shows", () => {
    expect(
      problemText({
        severity: "error",
        code: "not-a-real-date",
        message: 'Row 6, column "Date Sold": "31/02/2022" is not a real date',
      }),
    ).toBe('column "Date Sold": "31/02/2022" is not a real date');
    expect(
      problemText({ severity: "error", code: "no-rego-or-vin", message: "Row 7: needs a rego or a VIN" }),
    ).toBe("needs a rego or a VIN");
  });

  it("marks a cell by the worst problem naming its column", () => {
    const reviewed = row({
      problems: [
        { severity: "warning", code: "no-state", message: "", columnIndex: 4 },
        { severity: "error", code: "invalid", message: "", columnIndex: 7 },
        { severity: "warning", code: "chassis-number", message: "", columnIndex: 7 },
      ],
    });
    expect([cellTone(reviewed, 4), cellTone(reviewed, 7), cellTone(reviewed, 0)]).toEqual([
      "warning",
      "error",
      undefined,
    ]);
  });

  it("says whether a row is sent", () => {
    expect(rowStatusLabel(row({}))).toBe("Sent");
    expect(rowStatusLabel(row({ status: "warning" }))).toBe("Sent, check");
    expect(rowStatusLabel(row({ sent: false, status: "error" }))).toBe("Not sent");
  });

  it("says a row held back only because its car is monitored already is that", () => {
    const monitoredBy = { id: "c1", rego: "ABC123", state: "VIC", vin: null, external_id: null };
    const held = {
      severity: "error",
      code: "already-monitored",
      message: "Already monitored (customer ABC123)",
    } as const;
    expect(rowStatusLabel(row({ sent: false, status: "error", monitoredBy, problems: [held] }))).toBe(
      "Already monitored",
    );
    const badDate = { severity: "error", code: "not-a-real-date", message: "Row 2: not a date" } as const;
    expect(
      rowStatusLabel(row({ sent: false, status: "error", monitoredBy, problems: [badDate, held] })),
    ).toBe("Not sent");
  });
});
