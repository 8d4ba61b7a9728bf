import { describe, expect, it } from "vitest";
import { fileProblem } from "@/components/upload-wizard/file-checks";

const MB = 1024 * 1024;

describe("file checks before reading", () => {
  it("accepts .csv, .tsv and .txt in any case", () => {
    for (const name of ["june.csv", "june.TSV", "export.txt"])
      expect(fileProblem({ name, size: 10 }, 100 * MB)).toBeUndefined();
  });

  it("names a file of the wrong kind and one over the limit", () => {
    expect(fileProblem({ name: "june.xlsx", size: 10 }, 100 * MB)).toMatch(/"june.xlsx" isn't a CSV file/);
    expect(fileProblem({ name: "huge.csv", size: 101 * MB }, 100 * MB)).toMatch(
      /101 MB; the limit is 100 MB/,
    );
  });
});
