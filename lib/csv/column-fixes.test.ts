import { describe, expect, it } from "vitest";
import {
  applyColumnFix,
  fixSummaries,
  notSentReasons,
  problemGroups,
  undoColumnFix,
} from "@/lib/csv/column-fixes";
import type { ColumnMapping } from "@/lib/csv/column-mapping";
import { applyCellEdit, createReview, reviewCounts, reviewedRow } from "@/lib/csv/review";

const MAPPING: ColumnMapping[] = [
  { target: { kind: "field", field: "rego" } },
  { target: { kind: "field", field: "state" } },
  { target: { kind: "field", field: "vin" } },
  { target: { kind: "field", field: "sale_date" }, dateFormat: "dmy" },
  { target: { kind: "field", field: "monitor_end_date" }, dateFormat: "dmy" },
];

/** Six clean rows, four sale dates no format reads, three end dates written month first, two chassis numbers. */
function review() {
  return createReview(
    [
      ["Rego", "State", "VIN", "Sale Date", "Monitor Until"],
      ["FIX101", "VIC", "", "01/06/2022", "30/06/2025"],
      ["FIX102", "NSW", "", "02/06/2022", "30/06/2025"],
      ["FIX103", "QLD", "", "03/06/2022", "30/06/2025"],
      ["FIX104", "SA", "", "04/06/2022", "30/06/2025"],
      ["FIX105", "WA", "", "05/06/2022", "30/06/2025"],
      ["FIX106", "TAS", "", "06/06/2022", "30/06/2025"],
      ["FIX107", "VIC", "", "June 2022", "30/06/2025"],
      ["FIX108", "NSW", "", "mid-2022", "30/06/2025"],
      ["FIX109", "QLD", "", "Q3 2022", "30/06/2025"],
      ["FIX110", "SA", "", "EOFY", "30/06/2025"],
      ["FIX111", "WA", "", "11/06/2022", "06/30/2025"],
      ["FIX112", "TAS", "", "12/06/2022", "12/31/2025"],
      ["FIX113", "VIC", "", "13/06/2022", "06/15/2026"],
      ["FIX114", "NSW", "ZVW30-1234567", "14/06/2022", "30/06/2025"],
      ["FIX115", "QLD", "NCP10-7654321", "15/06/2022", "30/06/2025"],
    ],
    { headerRowIndex: 0, mapping: MAPPING, region: "au" },
  );
}

const counts = (checked: ReturnType<typeof review>) => {
  const { sent, notSent, leftOut } = reviewCounts(checked);
  return { sent, notSent, leftOut };
};

describe("problemGroups", () => {
  it("gathers the rows with one problem in one column, with what can be done about them", () => {
    expect(problemGroups(review())).toEqual([
      {
        key: "3:unreadable-date",
        columnIndex: 3,
        column: "Sale Date",
        code: "unreadable-date",
        severity: "error",
        problem: "can't be read as dd/mm/yyyy",
        rows: 4,
        examples: ["June 2022", "mid-2022", "Q3 2022"],
        canSendWithout: true,
        readAs: [],
      },
      {
        key: "4:not-a-real-date",
        columnIndex: 4,
        column: "Monitor Until",
        code: "not-a-real-date",
        severity: "error",
        problem: "isn't a real date",
        rows: 3,
        examples: ["06/30/2025", "12/31/2025", "06/15/2026"],
        canSendWithout: true,
        readAs: [{ format: "mdy", reads: 3 }],
      },
      expect.objectContaining({
        key: "2:chassis-number",
        severity: "warning",
        rows: 2,
        canSendWithout: false,
        readAs: [],
      }),
    ]);
  });
});

describe("applyColumnFix and undoColumnFix", () => {
  it("sends the rows without an optional field, and takes it back", () => {
    const checked = review();
    expect(counts(checked)).toEqual({ sent: 8, notSent: 7, leftOut: 0 });
    const fix = applyColumnFix(checked, "3:unreadable-date", { kind: "send-without" });
    expect(fix).toMatchObject({ summary: "4 rows sent without Sale Date", rows: 4 });
    expect(counts(checked)).toEqual({ sent: 12, notSent: 3, leftOut: 0 });
    expect(reviewedRow(checked, 6)).toMatchObject({
      sent: true,
      customer: { rego: "FIX107", sale_date: undefined },
    });
    // The cells are as they were, for the table and the file of rows not sent.
    expect(reviewedRow(checked, 6).cells[3]).toBe("June 2022");

    undoColumnFix(checked, fix.id);
    expect(counts(checked)).toEqual({ sent: 8, notSent: 7, leftOut: 0 });
    expect(fixSummaries(checked)).toEqual([]);
  });

  it("reads a column's failing dates in another format", () => {
    const checked = review();
    const fix = applyColumnFix(checked, "4:not-a-real-date", { kind: "read-as", format: "mdy" });
    expect(fix.summary).toBe("Monitor Until read as mm/dd/yyyy in 3 rows");
    expect(reviewedRow(checked, 11).customer.monitor_end_date).toBe("2025-12-31");
    expect(counts(checked)).toEqual({ sent: 11, notSent: 4, leftOut: 0 });
    // A date typed in by hand is read as the column's own format again.
    applyCellEdit(checked, 11, 4, "31/12/2025");
    expect(reviewedRow(checked, 11).customer.monitor_end_date).toBe("2025-12-31");
    undoColumnFix(checked, fix.id);
    expect(reviewedRow(checked, 11).sent).toBe(true);
    expect(counts(checked)).toEqual({ sent: 9, notSent: 6, leftOut: 0 });
  });

  it("leaves rows out on request, saying why, until undone", () => {
    const checked = review();
    const fix = applyColumnFix(checked, "2:chassis-number", { kind: "leave-out" });
    expect(counts(checked)).toEqual({ sent: 6, notSent: 9, leftOut: 2 });
    expect(reviewedRow(checked, 13)).toMatchObject({ sent: false, status: "error" });
    expect(reviewedRow(checked, 13).problems.at(-1)?.message).toBe(
      "Row 15: not sent: you chose to leave out the rows whose VIN holds a chassis number, not a VIN",
    );
    expect(problemGroups(checked).map((group) => group.key)).not.toContain("2:chassis-number");
    undoColumnFix(checked, fix.id);
    expect(counts(checked)).toEqual({ sent: 8, notSent: 7, leftOut: 0 });
  });

  it("refuses what doesn't fit the problem", () => {
    const checked = review();
    expect(() => applyColumnFix(checked, "2:chassis-number", { kind: "send-without" })).toThrow(RangeError);
    expect(() => applyColumnFix(checked, "3:unreadable-date", { kind: "read-as", format: "mdy" })).toThrow(
      RangeError,
    );
    expect(() => applyColumnFix(checked, "9:invalid", { kind: "leave-out" })).toThrow(RangeError);
  });
});

describe("notSentReasons", () => {
  it("counts each row not sent under its first reason, the commonest first", () => {
    const checked = review();
    expect(notSentReasons(checked)).toEqual([
      {
        key: "3:unreadable-date",
        reason: "whose Sale Date can't be read as dd/mm/yyyy",
        rows: 4,
        columnIndex: 3,
      },
      { key: "4:not-a-real-date", reason: "whose Monitor Until isn't a real date", rows: 3, columnIndex: 4 },
    ]);
    applyColumnFix(checked, "2:chassis-number", { kind: "leave-out" });
    expect(notSentReasons(checked).at(-1)).toEqual({
      key: "left-out",
      reason: "that you chose not to send",
      rows: 2,
      columnIndex: undefined,
    });
  });
});
