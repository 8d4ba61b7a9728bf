import { describe, expect, it } from "vitest";
import { fileProblem } from "@/components/upload-wizard/file-checks";

const MB = 1024 * 1024;

describe("file checks before reading", () => {
  it("accepts .csv, .tsv, .txt, .xlsx and .xls in any case", () => {
    for (const name of ["june.csv", "june.TSV", "export.txt", "june.xlsx", "OLD.XLS"])
      expect(fileProblem({ name, size: 10 }, 100 * MB)).toBeUndefined();
  });

  it("names a file of the wrong kind and one over the limit", () => {
    expect(fileProblem({ name: "june.pdf", size: 10 }, 100 * MB)).toMatch(
      /"june.pdf" isn't a CSV file or an Excel workbook/,
    );
    expect(fileProblem({ name: "huge.csv", size: 101 * MB }, 100 * MB)).toMatch(
      /101 MB; the limit is 100 MB/,
    );
  });
});
