import { describe, expect, it } from "vitest";
import { parseCsvText } from "@/lib/csv/parse";

describe("parseCsvText", () => {
  it("reads comma-separated rows with CRLF, leaving out the empty record after the last line break", () => {
    expect(parseCsvText("Rego,State\r\nABC123,VIC\r\n")).toEqual({
      rows: [
        ["Rego", "State"],
        ["ABC123", "VIC"],
      ],
      delimiter: ",",
      warnings: [],
    });
  });

  it("detects tab and semicolon delimiters", () => {
    expect(parseCsvText("Rego\tName\nABC123\tSmith, John\nDEF456\tLee, Amy\n").delimiter).toBe("\t");
    expect(parseCsvText("Rego;Price\nABC123;1,5\nDEF456;2,75\n").delimiter).toBe(";");
  });

  it("detects the delimiter below a title line", () => {
    const { rows, delimiter } = parseCsvText(
      "Sales report, June 2022\n\nRego\tState\nABC123\tVIC\nDEF456\tNSW\n",
    );
    expect(delimiter).toBe("\t");
    expect(rows[2]).toEqual(["Rego", "State"]);
  });

  it("keeps commas, line breaks and doubled quotes inside quoted cells", () => {
    const { rows } = parseCsvText(
      'Name,Address,Rego\r\n"Smith, John","Unit 4, 12 High St\r\nRichmond","1ABC ""X"""\r\n',
    );
    expect(rows).toEqual([
      ["Name", "Address", "Rego"],
      ["Smith, John", "Unit 4, 12 High St\r\nRichmond", '1ABC "X"'],
    ]);
  });

  it("keeps blank lines as records, so row numbers match the file", () => {
    expect(parseCsvText("Rego\n\nABC123\n").rows).toEqual([["Rego"], [""], ["ABC123"]]);
  });

  it("reads a one-column file", () => {
    expect(parseCsvText("VIN\n1N4AL11D16N337720\n")).toMatchObject({
      rows: [["VIN"], ["1N4AL11D16N337720"]],
      delimiter: ",",
    });
  });

  it("says which row has a quote that never closes", () => {
    expect(parseCsvText('Rego,Name\nABC123,"Smith\nDEF456,Lee\n').warnings).toEqual([
      "Row 2: a quoted cell is never closed, so the rest of the file may have been read into that cell",
    ]);
  });

  it("refuses text with no rows, or with a header and nothing below it", () => {
    expect(() => parseCsvText(",,\n,,\n")).toThrow("This file is empty");
    expect(() => parseCsvText("Rego,State\r\n\r\n")).toThrow(
      "This file has only one row: there are no customers below the header.",
    );
  });
});
