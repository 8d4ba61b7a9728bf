import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import {
  autoMapColumns,
  buildUploadPayloads,
  createReview,
  decodeCsvBytes,
  detectHeaderRow,
  notSentCsv,
  parseCsvText,
  reviewCounts,
  reviewedRow,
} from "@/lib/csv";

/** The whole pipeline on one of the e2e fixtures, as the wizard's worker runs it with the suggested mapping. */
function upload(fileName: string) {
  const { text, encoding } = decodeCsvBytes(
    new Uint8Array(readFileSync(new URL(`../../e2e/data/${fileName}`, import.meta.url))),
  );
  const { rows, delimiter } = parseCsvText(text);
  const headerRowIndex = detectHeaderRow(rows);
  const mapping = autoMapColumns(rows[headerRowIndex] ?? [], rows.slice(headerRowIndex + 1));
  const review = createReview(rows, { headerRowIndex, mapping, region: "au" });
  const payloads = buildUploadPayloads(review, { name: fileName, enable_rego_lookups: false }, 4);
  const notSent = Papa.parse<string[]>(notSentCsv(review).slice(1)).data.slice(1);
  return { encoding, delimiter, headerRowIndex, review, counts: reviewCounts(review), payloads, notSent };
}

// The figures e2e/data/README.md gives for each file.
describe.each([
  ["bom-crlf.csv", "utf-8-bom", ",", 0, 12, 9, 3],
  ["windows-1252.csv", "windows-1252", ",", 0, 10, 7, 3],
  ["title-line.csv", "utf-8", ",", 3, 10, 6, 4],
  ["tab-separated.tsv", "utf-8", "\t", 0, 10, 7, 3],
  ["quoted-newlines.csv", "utf-8", ",", 0, 8, 5, 3],
  ["formula-cells.csv", "utf-8", ",", 0, 4, 1, 3],
  ["column-fixes.csv", "utf-8", ",", 0, 15, 8, 7],
])("%s", (fileName, encoding, delimiter, headerRowIndex, rowsInFile, sent, notSent) => {
  const result = upload(fileName);

  it("is read as its README says", () => {
    expect(result).toMatchObject({ encoding, delimiter, headerRowIndex });
    expect(result.counts).toMatchObject({ rowsInFile, sent, notSent });
  });

  it("accounts for every row: sent in the payloads or listed in the not-sent file", () => {
    const customersSent = result.payloads.reduce((total, payload) => total + payload.customers.length, 0);
    expect(customersSent).toBe(sent);
    expect(result.notSent).toHaveLength(notSent);
    expect(customersSent + result.notSent.length).toBe(rowsInFile);
    expect(result.payloads.every((payload) => payload.customers.length <= 4)).toBe(true);
  });
});

describe("fixture details", () => {
  it("keeps accented names from a Windows-1252 file", () => {
    const { review } = upload("windows-1252.csv");
    expect(reviewedRow(review, 0).customer.additional_fields).toEqual({
      first_name: "José",
      surname: "Müller",
      suburb: "Brunswick",
    });
  });

  it("reads states and short years the way dealers write them", () => {
    const { review } = upload("bom-crlf.csv");
    expect(reviewedRow(review, 0).customer).toMatchObject({
      rego: "1ABC234",
      state: "VIC",
      sale_date: "2022-06-15",
    });
    expect(reviewedRow(review, 1).customer).toMatchObject({
      rego: "XYZ789",
      state: "VIC",
      sale_date: "2022-07-01",
    });
    expect(reviewedRow(review, 2).customer).toMatchObject({ state: "WA" });
  });

  it("keeps line breaks inside quoted cells and counts rows as Excel does", () => {
    const { review } = upload("quoted-newlines.csv");
    expect(reviewedRow(review, 0).customer.additional_fields).toMatchObject({
      address: "Unit 4, 12 High St\nRichmond VIC 3121",
    });
    expect(reviewedRow(review, 2).rowNumber).toBe(4);
  });
});
