import { describe, expect, it } from "vitest";
import type { ColumnMapping, ColumnTarget, RecaptureField } from "@/lib/csv/column-mapping";
import {
  applyCellEdit,
  createReview,
  filterRows,
  reviewCounts,
  reviewedRow,
  setDuplicatePolicy,
  type ReviewOptions,
} from "@/lib/csv/review";

const field = (name: RecaptureField): ColumnTarget => ({ kind: "field", field: name });
const HEADERS = ["Rego No.", "State", "VIN/Chassis", "Date Sold", "Customer Name"];
const MAPPING: ColumnMapping[] = [
  { target: field("rego") },
  { target: field("state") },
  { target: field("vin") },
  { target: field("sale_date"), dateFormat: "dmy" },
  { target: { kind: "additional", key: "customer_name" } },
];
const VIN_A = "1N4AL11D16N337720";
const VIN_B = "JTNB11HK103456789";

/** A file with a title line, so the header is row 2 and the first customer row 3. */
function review(dataRows: string[][], options: Partial<ReviewOptions> = {}) {
  return createReview([["Sales report June 2022"], HEADERS, ...dataRows], {
    headerRowIndex: 1,
    mapping: MAPPING,
    region: "au",
    ...options,
  });
}

const messages = (reviewed: ReturnType<typeof reviewedRow>) =>
  reviewed.problems.map((problem) => problem.message);

describe("createReview", () => {
  it("normalises a clean row into a customer", () => {
    const checked = review([["abc-123", "Victoria", VIN_A.toLowerCase(), "1/7/22", " Jo Smith "]]);
    expect(reviewedRow(checked, 0)).toEqual({
      index: 0,
      rowNumber: 3,
      cells: ["abc-123", "Victoria", VIN_A.toLowerCase(), "1/7/22", " Jo Smith "],
      customer: {
        rego: "ABC123",
        state: "VIC",
        vin: VIN_A,
        sale_date: "2022-07-01",
        additional_fields: { customer_name: "Jo Smith" },
      },
      status: "ok",
      sent: true,
      problems: [],
      duplicateOfRow: undefined,
    });
  });

  it("names the row as Excel numbers it, the column and the value", () => {
    const checked = review([
      ["ABC123", "VIC", "", "15/06/2022", ""],
      ["", "", "", "", ""],
      ["DEF456", "VIC", "", "31/02/2022", ""],
    ]);
    const row = reviewedRow(checked, 1);
    expect(row).toMatchObject({ rowNumber: 5, status: "error", sent: false });
    expect(row.problems).toEqual([
      {
        severity: "error",
        code: "not-a-real-date",
        message: 'Row 5, column "Date Sold": "31/02/2022" is not a real date',
        column: "Date Sold",
        columnIndex: 3,
        field: "sale_date",
      },
    ]);
    expect(checked.blankRowsSkipped).toBe(1);
  });

  it("refuses a row with neither rego nor VIN", () => {
    expect(messages(reviewedRow(review([["", "VIC", "", "15/06/2022", "Jo"]]), 0))).toEqual([
      "Row 3: needs a rego or a VIN",
    ]);
    expect(messages(reviewedRow(review([["", "", "ZVW30-1234567", "", ""]]), 0))).toEqual([
      'Row 3, column "VIN/Chassis": "ZVW30-1234567" is a chassis number, not a 17-character VIN: it is kept as chassis_number but can\'t be matched to listings',
      "Row 3: needs a rego or a VIN (a chassis number alone can't be tracked)",
    ]);
  });

  it("sends a chassis number beside a rego as an additional field, with a warning", () => {
    const row = reviewedRow(review([["ABC123", "VIC", "ZVW30-1234567", "", ""]]), 0);
    expect(row).toMatchObject({ status: "warning", sent: true });
    expect(row.customer).toMatchObject({
      rego: "ABC123",
      vin: undefined,
      additional_fields: { chassis_number: "ZVW30-1234567" },
    });
  });

  it("warns about an Australian rego without a state, unless a VIN identifies the car", () => {
    expect(reviewedRow(review([["ABC123", "", "", "", ""]]), 0)).toMatchObject({
      status: "warning",
      sent: true,
      problems: [
        {
          severity: "warning",
          message:
            'Row 3, column "State": rego ABC123 has no state, so it can\'t be looked up or matched reliably',
        },
      ],
    });
    expect(reviewedRow(review([["ABC123", "", VIN_A, "", ""]]), 0).status).toBe("ok");
    expect(reviewedRow(review([["ABC123", "", "", "", ""]], { region: "nz" }), 0).status).toBe("ok");
  });

  it("refuses a monitoring window that ends before it starts", () => {
    const checked = createReview(
      [
        ["Rego", "Monitor From", "Monitor Until"],
        ["ABC123", "01/07/2022", "30/06/2022"],
      ],
      {
        headerRowIndex: 0,
        mapping: [
          { target: field("rego") },
          { target: field("monitor_start_date") },
          { target: field("monitor_end_date") },
        ],
        region: "nz",
      },
    );
    expect(messages(reviewedRow(checked, 0))).toEqual([
      'Row 2, column "Monitor Until": the monitoring end date is before its start date',
    ]);
  });

  it("warns when a row has more cells than the header", () => {
    expect(messages(reviewedRow(review([["ABC123", "VIC", "", "", "Smith", " John"]]), 0))).toEqual([
      "Row 3: has more cells than the header has columns; the extra cells were left out (is a comma missing its quotes?)",
    ]);
  });

  it("refuses a header with no rows below it", () => {
    expect(() => review([["", "", "", "", ""]])).toThrow(
      "There are no rows below the header (row 2), so there is nothing to upload.",
    );
  });
});

describe("duplicates", () => {
  const rows = [
    ["ABC123", "VIC", VIN_A, "", "first"],
    ["XYZ999", "NSW", VIN_A, "", "same VIN"],
    ["abc 123", "Victoria", "", "", "same rego and state"],
    ["ABC123", "NSW", "", "", "same rego, other state"],
    ["DEF456", "QLD", "", "31/02/2022", "broken"],
    ["DEF456", "QLD", "", "", "same as the broken row"],
  ];

  it("keeps the first row of each car and names it in the others", () => {
    const checked = review(rows);
    expect(messages(reviewedRow(checked, 1))).toEqual([
      "Row 4: duplicate of row 3 (same VIN); only the first is sent",
    ]);
    expect(messages(reviewedRow(checked, 2))).toEqual([
      "Row 5: duplicate of row 3 (same rego and state); only the first is sent",
    ]);
    expect(reviewedRow(checked, 3).sent).toBe(true);
    expect(reviewedRow(checked, 5)).toMatchObject({ sent: true, duplicateOfRow: undefined });
    expect(reviewCounts(checked)).toMatchObject({
      rowsInFile: 6,
      sent: 3,
      notSent: 3,
      withErrors: 1,
      duplicatesNotSent: 2,
    });
  });

  it("keeps the row of each car with the newest sale date, when asked to", () => {
    const sold = [
      ["ABC123", "VIC", VIN_A, "01/03/2021", "first buyer"],
      ["DEF456", "NSW", "", "", "no date"],
      ["XYZ999", "NSW", VIN_A, "2022-06-12", "latest buyer"],
      ["def 456", "NSW", "", "02/02/2020", "dated"],
      ["GHI789", "SA", VIN_B, "05/05/2022", "same day"],
      ["GHI789", "SA", "", "05/05/2022", "same day, later row"],
    ];
    const checked = review(sold, { duplicatePolicy: "keep-newest" });
    expect([0, 1, 2, 3, 4, 5].map((row) => reviewedRow(checked, row).sent)).toEqual([
      false,
      false,
      true,
      true,
      true,
      false,
    ]);
    expect(messages(reviewedRow(checked, 0))).toEqual([
      "Row 3: the same car as row 5 (same VIN), which has the newest sale date and is sent instead",
    ]);
    expect(reviewedRow(checked, 1).duplicateOfRow).toBe(6);
    expect(reviewCounts(checked)).toMatchObject({ sent: 3, notSent: 3, duplicatesNotSent: 3 });

    setDuplicatePolicy(checked, "keep-first");
    expect([0, 1, 2, 3, 4, 5].map((row) => reviewedRow(checked, row).sent)).toEqual([
      true,
      true,
      false,
      false,
      true,
      false,
    ]);
  });

  it("keeps the newest through an edit that makes an older row newer", () => {
    const checked = review(
      [
        ["ABC123", "VIC", "", "01/01/2021", ""],
        ["ABC123", "VIC", "", "01/01/2022", ""],
      ],
      { duplicatePolicy: "keep-newest" },
    );
    expect(reviewedRow(checked, 1).sent).toBe(true);
    applyCellEdit(checked, 0, 3, "01/01/2023");
    expect([reviewedRow(checked, 0).sent, reviewedRow(checked, 1).sent]).toEqual([true, false]);
  });
});

describe("applyCellEdit", () => {
  it("fixes a bad cell and re-checks only that row", () => {
    const checked = review([
      ["ABC123", "VIC", "", "31/02/2022", ""],
      ["DEF456", "NSW", "", "", ""],
    ]);
    const before = checked.customers[1];
    expect(applyCellEdit(checked, 0, 3, "28/02/2022")).toEqual([0]);
    expect(reviewedRow(checked, 0)).toMatchObject({
      status: "ok",
      sent: true,
      customer: { sale_date: "2022-02-28" },
    });
    expect(checked.customers[1]).toBe(before);
  });

  it("updates the duplicates linked to the edited row, in both directions", () => {
    const checked = review([
      ["ABC123", "VIC", VIN_A, "", ""],
      ["XYZ999", "NSW", VIN_A, "", ""],
      ["XYZ999", "NSW", "", "", ""],
      ["OTHER1", "SA", VIN_B, "", ""],
    ]);
    // Rows 3–6: row 4 repeats row 3's VIN, row 5 row 4's rego and state.
    expect([...checked.duplicates.of]).toEqual([-1, 0, 1, -1]);

    // Row 4 gets row 6's VIN: it is kept, and row 6 now repeats it.
    expect(applyCellEdit(checked, 1, 2, VIN_B)).toEqual([0, 1, 2, 3]);
    expect([...checked.duplicates.of]).toEqual([-1, -1, 1, 1]);

    // Breaking row 6's rego takes it out of the comparison.
    expect(applyCellEdit(checked, 3, 0, "BAD#")).toEqual([1, 2, 3]);
    expect(reviewedRow(checked, 3)).toMatchObject({ status: "error", sent: false });
    expect([...checked.duplicates.of]).toEqual([-1, -1, 1, -1]);

    // Making row 6 a copy of row 3 makes it row 3's duplicate.
    applyCellEdit(checked, 3, 0, "ABC123");
    applyCellEdit(checked, 3, 1, "VIC");
    applyCellEdit(checked, 3, 2, VIN_A);
    expect([...checked.duplicates.of]).toEqual([-1, -1, 1, 0]);
    expect(reviewCounts(checked)).toMatchObject({ rowsInFile: 4, sent: 2, notSent: 2 });
  });

  it("fills a cell missing from a short row and refuses one outside the table", () => {
    const checked = createReview([["Rego", "VIN"], ["ABC123"]], {
      headerRowIndex: 0,
      mapping: [{ target: field("rego") }, { target: field("vin") }],
      region: "nz",
    });
    applyCellEdit(checked, 0, 1, VIN_A);
    expect(checked.rows[0]).toEqual(["ABC123", VIN_A]);
    expect(() => applyCellEdit(checked, 0, 2, "x")).toThrow(RangeError);
    expect(() => applyCellEdit(checked, 1, 0, "x")).toThrow(RangeError);
  });
});

describe("filterRows and reviewCounts", () => {
  it("lists rows with problems or not sent, and counts that add up", () => {
    const checked = review([
      ["ABC123", "VIC", "", "", ""],
      ["DEF456", "", "", "", ""],
      ["", "", "", "", "nobody"],
      ["GHI789", "QLD", VIN_A, "", ""],
    ]);
    expect([...filterRows(checked, "all")]).toEqual([0, 1, 2, 3]);
    expect([...filterRows(checked, "problems")]).toEqual([1, 2]);
    expect([...filterRows(checked, "not-sent")]).toEqual([2]);
    expect(reviewCounts(checked)).toEqual({
      rowsInFile: 4,
      sent: 3,
      notSent: 1,
      withErrors: 1,
      duplicatesNotSent: 0,
      leftOut: 0,
      alreadyMonitored: 0,
      sendAlreadyMonitored: false,
      sentWithWarnings: 1,
      paidLookups: 1,
      blankRowsSkipped: 0,
      totalLinesSkipped: 0,
      totalLineExamples: [],
      duplicatePolicy: "keep-first",
      hasSaleDates: false,
    });
  });
});
