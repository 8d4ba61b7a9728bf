import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { formulaSafeCsv, restoreFormulaCells, writeCsv } from "@/lib/csv/formulae";

describe("writeCsv", () => {
  it("writes a byte-order mark, CRLF and neutralised formula cells, quoted", () => {
    expect(
      writeCsv([
        ["Phone", "Total"],
        ["+61 4", "=SUM(A1)"],
        ["0412", "3"],
      ]),
    ).toBe(`\uFEFFPhone,Total\r\n"'+61 4","'=SUM(A1)"\r\n0412,3`);
  });
});

describe("restoreFormulaCells", () => {
  it("takes the apostrophe off only before a formula character", () => {
    const rows = [["'=SUM(A1)", "'+61 4", "'@x", "'\tx", "'\rx", "'-5", "'71 Holden", "'", "''=x", "x'=y"]];
    restoreFormulaCells(rows);
    expect(rows).toEqual([
      ["=SUM(A1)", "+61 4", "@x", "\tx", "\rx", "-5", "'71 Holden", "'", "''=x", "x'=y"],
    ]);
  });
});

describe("formulaSafeCsv", () => {
  it("neutralises a stored file that wasn't, keeping every value", () => {
    const raw =
      "\uFEFFRego,Notes,problem\r\n,=cmd|' /C calc'!A0,Row 2: needs a rego or a VIN\r\n,\"@a\nb\",x";
    const safe = formulaSafeCsv(raw);
    const rows = Papa.parse<string[]>(safe.slice(1)).data;
    expect(rows).toEqual([
      ["Rego", "Notes", "problem"],
      ["", "'=cmd|' /C calc'!A0", "Row 2: needs a rego or a VIN"],
      ["", "'@a\nb", "x"],
    ]);
  });

  it("leaves the cells of a file the dashboard wrote as they were", () => {
    const written = writeCsv([
      ["Phone", "Notes"],
      ["+61 4", "=1+1"],
      ["'71 Holden", "plain"],
    ]);
    const cells = (csv: string) => Papa.parse<string[]>(csv.slice(1)).data;
    expect(cells(formulaSafeCsv(written))).toEqual(cells(written));
  });
});
