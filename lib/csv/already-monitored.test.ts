import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import type { MonitoringCustomer } from "@/lib/customer-index/already-monitored";
import { monitoredQuestion, setMonitoredMatches, setSendAlreadyMonitored } from "@/lib/csv/already-monitored";
import { autoMapColumns } from "@/lib/csv/column-mapping";
import { notSentReasons } from "@/lib/csv/column-fixes";
import { notSentCsv } from "@/lib/csv/not-sent";
import { buildUploadPayloads } from "@/lib/csv/payload";
import { applyCellEdit, createReview, filterRows, reviewCounts, reviewedRow } from "@/lib/csv/review";

const FILE = [
  ["Rego", "State", "VIN", "Name"],
  ["ABC123", "VIC", "", "Ann"],
  ["NEW111", "NSW", "", "Bob"],
  ["", "", "1N4AL11D16N337720", "Cy"],
  ["BAD#", "QLD", "", "Di"],
  ["", "", "", "Ed"],
];
const SETTINGS = { name: "June sales", enable_rego_lookups: false };

const ann: MonitoringCustomer = {
  id: "0b6f1c4e-7d2a-4c1e-9f3b-2a5d8e6c4b10",
  rego: "ABC 123",
  state: "VIC",
  vin: null,
  external_id: "C-1",
};
const cy: MonitoringCustomer = {
  id: "5c2e9a71-3b8d-4f60-a1c4-7e9d2b6f8a30",
  rego: "ZEN407",
  state: "NSW",
  vin: "1N4AL11D16N337720",
  external_id: null,
};

/** The file reviewed, and the customer index's answer: rows 2 and 4 of the file are monitored already. */
function checked() {
  const review = createReview(FILE, {
    headerRowIndex: 0,
    mapping: autoMapColumns(FILE[0] ?? [], FILE.slice(1)),
    region: "au",
  });
  const question = monitoredQuestion(review);
  setMonitoredMatches(review, question, [
    { vehicle: question.rows.indexOf(0), customer: ann },
    { vehicle: question.rows.indexOf(2), customer: cy },
  ]);
  return { review, question };
}

const sentRegosAndVins = (review: ReturnType<typeof checked>["review"]) =>
  buildUploadPayloads(review, SETTINGS, 100).flatMap((payload) =>
    payload.customers.map((customer) => customer.rego ?? customer.vin),
  );

describe("rows whose car is already monitored", () => {
  it("asks about every row with a rego or a VIN, as the wizard normalised them", () => {
    const { question } = checked();
    expect(question.vehicles).toEqual([
      { rego: "ABC123", state: "VIC", vin: undefined },
      { rego: "NEW111", state: "NSW", vin: undefined },
      { rego: undefined, state: undefined, vin: "1N4AL11D16N337720" },
    ]);
    expect(question.rows).toEqual([0, 1, 2]);
  });

  it("are not sent by default, and say so in the counts, the rows and the reasons", () => {
    const { review } = checked();
    expect(reviewCounts(review)).toMatchObject({
      rowsInFile: 5,
      sent: 1,
      notSent: 4,
      withErrors: 2,
      alreadyMonitored: 2,
      sendAlreadyMonitored: false,
    });
    expect(sentRegosAndVins(review)).toEqual(["NEW111"]);
    const row = reviewedRow(review, 0);
    expect(row).toMatchObject({ sent: false, status: "error", monitoredBy: ann });
    expect(row.problems).toContainEqual(
      expect.objectContaining({ code: "already-monitored", message: "Already monitored (customer ABC 123)" }),
    );
    expect(Array.from(filterRows(review, "already-monitored"))).toEqual([0, 2]);
    expect(Array.from(filterRows(review, "not-sent"))).toEqual([0, 2, 3, 4]);
    expect(notSentReasons(review)).toContainEqual(
      expect.objectContaining({
        key: "already-monitored",
        rows: 2,
        reason: "whose car is already monitored",
      }),
    );
  });

  it("are listed in the rows-not-sent file with the customer they belong to", () => {
    const rows = Papa.parse<string[]>(notSentCsv(checked().review).slice(1)).data;
    expect(rows).toContainEqual(["ABC123", "VIC", "", "Ann", "Already monitored (customer ABC 123)"]);
    expect(rows).toContainEqual(["", "", "1N4AL11D16N337720", "Cy", "Already monitored (customer ZEN407)"]);
  });

  it("are all sent when the person chooses to send them anyway, and can be held back again", () => {
    const { review } = checked();
    setSendAlreadyMonitored(review, true);
    expect(reviewCounts(review)).toMatchObject({ sent: 3, notSent: 2, alreadyMonitored: 2 });
    expect(sentRegosAndVins(review)).toEqual(["ABC123", "NEW111", "1N4AL11D16N337720"]);
    expect(reviewedRow(review, 0)).toMatchObject({ sent: true, status: "ok", monitoredBy: ann });
    expect(notSentCsv(review)).not.toContain("Already monitored");
    setSendAlreadyMonitored(review, false);
    expect(reviewCounts(review).sent).toBe(1);
  });

  it("stop being monitored rows when a row is edited to another car", () => {
    const { review } = checked();
    applyCellEdit(review, 0, 0, "XYZ999");
    expect(reviewCounts(review)).toMatchObject({ sent: 2, alreadyMonitored: 1 });
    expect(reviewedRow(review, 0).monitoredBy).toBeUndefined();
    // Spacing a rego differently is still the same car.
    applyCellEdit(review, 0, 0, "abc 123");
    expect(reviewCounts(review).alreadyMonitored).toBe(2);
  });

  it("count once, as a duplicate, when the file repeats a monitored car", () => {
    const review = createReview([...FILE, ["abc-123", "VIC", "", "Ann again"]], {
      headerRowIndex: 0,
      mapping: autoMapColumns(FILE[0] ?? [], FILE.slice(1)),
      region: "au",
    });
    const question = monitoredQuestion(review);
    setMonitoredMatches(
      review,
      question,
      [0, 5].map((row) => ({ vehicle: question.rows.indexOf(row), customer: ann })),
    );
    expect(reviewCounts(review)).toMatchObject({ sent: 2, duplicatesNotSent: 1, alreadyMonitored: 1 });
    expect(Array.from(filterRows(review, "already-monitored"))).toEqual([0]);
  });
});
