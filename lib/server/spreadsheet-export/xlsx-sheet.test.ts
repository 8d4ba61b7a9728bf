import { describe, expect, it } from "vitest";
import { openWorkbook } from "@/lib/spreadsheet";
import { columnLetters, xlsxSheet } from "./xlsx-sheet";

function workbookBytes(headers: string[], rows: (string | number | null)[][]): Uint8Array {
  const writer = xlsxSheet();
  const chunks = [...writer.start(headers), ...writer.rows(rows), ...writer.end()];
  const bytes = new Uint8Array(chunks.reduce((length, chunk) => length + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

describe("the export's workbook", () => {
  it("names columns as Excel does", () => {
    expect([0, 25, 26, 51, 701, 702].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "ZZ", "AAA"]);
  });

  it("keeps markup characters as text and leaves out those XML can't hold", async () => {
    const workbook = await openWorkbook(
      workbookBytes(
        ["Note", "Count"],
        [
          ['<b>Tom & "Jerry"</b>\u0007', 3],
          [null, null],
          ["  spaced  ", -2],
        ],
      ),
    );
    expect(await workbook.readSheet(0)).toEqual([
      ["Note", "Count"],
      ['<b>Tom & "Jerry"</b>', "3"],
      [],
      ["  spaced  ", "-2"],
    ]);
  });
});
