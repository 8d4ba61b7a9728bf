import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { autoMapColumns } from "@/lib/csv/column-mapping";
import { notSentCsv, notSentFileName } from "@/lib/csv/not-sent";
import { parseCsvText } from "@/lib/csv/parse";
import { applyCellEdit, createReview, reviewCounts } from "@/lib/csv/review";

const FILE = [
  ["Rego No.", "State", "VIN/Chassis", "Date Sold", "Customer Name", "Phone"],
  ["ABC123", "VIC", "", "15/06/2022", "Smith, John", "+61 412 345 678"],
  ["", "", "", "16/06/2022", "José Müller", ""],
  ["DEF456", "NSW", "", "31/02/2022", 'Jo "JJ" Lee', "=1+1"],
  ["abc-123", "Victoria", "", "17/06/2022", "Amy\nWong", ""],
  ["GHI789", "QLD", "", "18/06/2022", "Extra", "", "stray cell"],
];

function reviewed() {
  return createReview(FILE, {
    headerRowIndex: 0,
    mapping: autoMapColumns(FILE[0] ?? [], FILE.slice(1)),
    region: "au",
  });
}

describe("notSentCsv", () => {
  it("holds exactly the rows not sent, as they were, with why", () => {
    const review = reviewed();
    const csv = notSentCsv(review);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain("\r\n");
    const rows = Papa.parse<string[]>(csv.slice(1)).data;
    expect(rows).toEqual([
      ["Rego No.", "State", "VIN/Chassis", "Date Sold", "Customer Name", "Phone", "problem"],
      ["", "", "", "16/06/2022", "José Müller", "", "Row 3: needs a rego or a VIN"],
      [
        "DEF456",
        "NSW",
        "",
        "31/02/2022",
        'Jo "JJ" Lee',
        "'=1+1",
        'Row 4, column "Date Sold": "31/02/2022" is not a real date',
      ],
      [
        "abc-123",
        "Victoria",
        "",
        "17/06/2022",
        "Amy\nWong",
        "",
        "Row 5: duplicate of row 2 (same rego and state); only the first is sent",
      ],
    ]);
    const counts = reviewCounts(review);
    expect(rows.length - 1).toBe(counts.notSent);
    expect(counts.sent + counts.notSent).toBe(counts.rowsInFile);
  });

  it("widens the header for rows with stray cells, so the problem column lines up", () => {
    const review = reviewed();
    applyCellEdit(review, 4, 3, "31/02/2022");
    const rows = Papa.parse<string[]>(notSentCsv(review).slice(1)).data;
    expect(rows[0]).toEqual([
      "Rego No.",
      "State",
      "VIN/Chassis",
      "Date Sold",
      "Customer Name",
      "Phone",
      "",
      "problem",
    ]);
    expect(rows.at(-1)).toEqual([
      "GHI789",
      "QLD",
      "",
      "31/02/2022",
      "Extra",
      "",
      "stray cell",
      'Row 6, column "Date Sold": "31/02/2022" is not a real date',
    ]);
    expect(rows.slice(1).every((row) => row.length === 8)).toBe(true);
  });

  it("comes back through the mapper without its problem column", () => {
    const rows = Papa.parse<string[]>(notSentCsv(reviewed()).slice(1)).data;
    expect(autoMapColumns(rows[0] ?? [], rows.slice(1)).at(-1)).toEqual({ target: { kind: "ignore" } });
  });
});

describe("formula-looking cells", () => {
  // Each row lacks a rego and a VIN, so none is sent and all of them are written out.
  const cells = [
    "+61 412 345 678",
    "=SUM(A1)",
    "@x",
    "\tindented",
    "-5",
    '=HYPERLINK("http://evil.example")\nclick',
    "'71 Holden",
    "'Tis",
    "O'Brien",
  ];
  const file = [["Rego", "Notes"], ...cells.map((cell) => ["", cell])];

  function notSentOf(rows: string[][]) {
    return notSentCsv(
      createReview(rows, {
        headerRowIndex: 0,
        mapping: autoMapColumns(rows[0] ?? [], rows.slice(1)),
        region: "au",
      }),
    );
  }

  it("are written with a leading apostrophe, so a spreadsheet shows them as text", () => {
    const written = Papa.parse<string[]>(notSentOf(file).slice(1)).data.slice(1);
    expect(written.map((row) => row[1])).toEqual([
      "'+61 412 345 678",
      "'=SUM(A1)",
      "'@x",
      "'\tindented",
      "'-5",
      '\'=HYPERLINK("http://evil.example")\nclick',
      "'71 Holden",
      "'Tis",
      "O'Brien",
    ]);
  });

  it("come back as they were when the file is dropped in again, and a genuine apostrophe stays", () => {
    const back = parseCsvText(notSentOf(file).slice(1)).rows;
    expect(back.slice(1).map((row) => row[1])).toEqual(cells);
    // Written again, the file is the same: nothing is escaped twice.
    expect(notSentOf(back.map((row) => row.slice(0, 2)))).toBe(notSentOf(file));
  });
});

describe("notSentFileName", () => {
  it("names the file after the upload's file", () => {
    expect(notSentFileName("June sales.csv")).toBe("June sales - rows not sent.csv");
    expect(notSentFileName("export.TSV")).toBe("export - rows not sent.csv");
  });
});
