import { describe, expect, it } from "vitest";
import {
  fittingDateFormats,
  normaliseDate,
  parseDate,
  readColumnDate,
  serialYearsFrom,
  tallyDates,
  tallyReads,
} from "@/lib/csv/dates";

// Serials from 1980 to the end of 2026, as on a day in 2025.
const YEARS = serialYearsFrom(new Date(2025, 5, 1));

describe("parseDate", () => {
  it.each([
    ["15/06/2022", "2022-06-15"],
    ["1/7/22", "2022-07-01"],
    ["15-06-2022", "2022-06-15"],
    ["15.06.2022", "2022-06-15"],
    ["15/06/2022 0:00", "2022-06-15"],
    ["15/06/2022 10:30:00 AM", "2022-06-15"],
    ["15-Jun-2022", "2022-06-15"],
    ["15 June 2022", "2022-06-15"],
    ["30/6/35", "2035-06-30"],
    ["1/1/75", "1975-01-01"],
    ["29/02/2024", "2024-02-29"],
  ])("reads %j as dd/mm/yyyy", (value, iso) => {
    expect(parseDate(value, "dmy")).toBe(iso);
  });

  it.each([
    ["2022-06-15", "2022-06-15"],
    ["2022/6/5", "2022-06-05"],
    ["2022-06-15T00:00:00.000Z", "2022-06-15"],
    ["2022-06-15 13:45", "2022-06-15"],
  ])("reads %j as yyyy-mm-dd", (value, iso) => {
    expect(parseDate(value, "ymd")).toBe(iso);
  });

  it("reads mm/dd/yyyy", () => {
    expect(parseDate("06/15/2022", "mdy")).toBe("2022-06-15");
    expect(parseDate("7/1/22", "mdy")).toBe("2022-07-01");
  });

  it.each([
    ["44727", "2022-06-15"],
    ["44727.5", "2022-06-15"],
    ["1", "1900-01-01"],
    ["59", "1900-02-28"],
    ["61", "1900-03-01"],
    ["73050", "2099-12-31"],
  ])("reads the Excel serial %s, counting Excel's 1900 leap-year bug", (value, iso) => {
    expect(parseDate(value, "excel")).toBe(iso);
  });

  it.each([
    ["31/02/2022", "dmy"],
    ["13/13/2022", "dmy"],
    ["29/02/2023", "dmy"],
    ["00/01/2022", "dmy"],
    ["2022-02-30", "ymd"],
    ["60", "excel"],
    ["0", "excel"],
    ["15/06/2022", "ymd"],
    ["2022-06-15", "dmy"],
    ["15/06/2022 garbage", "dmy"],
    ["15/06-2022", "dmy"],
  ] as const)("refuses %j as %s", (value, format) => {
    expect(parseDate(value, format)).toBeUndefined();
  });
});

describe("normaliseDate", () => {
  it("gives the ISO date, or blank for an empty cell", () => {
    expect(normaliseDate(" 15/06/2022 ", "dmy")).toBe("2022-06-15");
    expect(normaliseDate("", "dmy")).toBe("");
    expect(normaliseDate("-", "dmy")).toBe("");
  });

  it("tells an impossible date from one in another form", () => {
    expect(normaliseDate("31/02/2022", "dmy")).toEqual({
      error: '"31/02/2022" is not a real date',
      code: "not-a-real-date",
    });
    expect(normaliseDate("next Tuesday", "dmy")).toEqual({
      error: '"next Tuesday" is not a date written as dd/mm/yyyy',
      code: "unreadable-date",
    });
    expect(normaliseDate("2022-02-30", "mdy")).toMatchObject({ code: "not-a-real-date" });
  });

  it("reads, in a day-first or month-first column, what can be read only one way", () => {
    for (const format of ["dmy", "mdy"] as const) {
      expect(normaliseDate("2022-06-15", format, YEARS)).toBe("2022-06-15");
      expect(normaliseDate("2022-06-15T00:00:00.000Z", format, YEARS)).toBe("2022-06-15");
      expect(normaliseDate("44727", format, YEARS)).toBe("2022-06-15");
      expect(normaliseDate("29221", format, YEARS)).toBe("1980-01-01");
      expect(normaliseDate("46387", format, YEARS)).toBe("2026-12-31");
    }
  });

  it("refuses serials outside 1980 to next year, and other formats' values in yyyy-mm-dd or Excel columns", () => {
    expect(normaliseDate("29220", "dmy", YEARS)).toMatchObject({ code: "unreadable-date" });
    expect(normaliseDate("46388", "dmy", YEARS)).toMatchObject({ code: "unreadable-date" });
    expect(normaliseDate("12345", "dmy", YEARS)).toMatchObject({ code: "unreadable-date" });
    expect(normaliseDate("15/06/2022", "ymd", YEARS)).toMatchObject({ code: "unreadable-date" });
    expect(normaliseDate("2022-06-15", "excel", YEARS)).toMatchObject({ code: "unreadable-date" });
    expect(readColumnDate("2022-06-15", "ymd", YEARS)).toBe("2022-06-15");
  });
});

describe("fittingDateFormats", () => {
  it("finds day-first dates once a day is over 12", () => {
    expect(fittingDateFormats(["01/06/2022", "15/06/2022", ""])).toEqual(["dmy"]);
  });

  it("lists both day-first and month-first when every day is 12 or less", () => {
    expect(fittingDateFormats(["01/06/2022", "12/07/2022"])).toEqual(["dmy", "mdy"]);
  });

  it("finds month-first, ISO and Excel serial columns", () => {
    expect(fittingDateFormats(["06/15/2022", "07/01/2022"])).toEqual(["mdy"]);
    expect(fittingDateFormats(["2022-06-15", "2022-07-01T00:00:00Z"])).toEqual(["ymd"]);
    expect(fittingDateFormats(["44727", "44743"])).toEqual(["excel"]);
  });

  it("fits a day-first column that also holds yyyy-mm-dd dates and recent Excel serials", () => {
    expect(fittingDateFormats(["15/06/2022", "2022-06-15", "44727"], YEARS)).toEqual(["dmy"]);
    expect(fittingDateFormats(["01/06/2022", "2022-06-15"], YEARS)).toEqual(["dmy", "mdy"]);
  });

  it("finds nothing when no one format reads every value", () => {
    expect(fittingDateFormats(["15/06/2022", "06/15/2022", "31/02/2022"])).toEqual([]);
    expect(fittingDateFormats(["15/06/2022", "12345"], YEARS)).toEqual([]);
  });

  it("leaves out an impossible date, so 31/02 among day-first dates still fits dd/mm/yyyy", () => {
    expect(fittingDateFormats(["01/06/2022", "31/02/2022", "15/06/2022"])).toEqual(["dmy"]);
    expect(fittingDateFormats(["31/02/2022", "12/07/2022"])).toEqual(["dmy", "mdy"]);
    expect(fittingDateFormats(["06/15/2022", "02/31/2022"])).toEqual(["mdy"]);
  });

  it("leaves out what isn't a date at all", () => {
    expect(fittingDateFormats(["15/06/2022", "N/A", "unknown", "-"])).toEqual(["dmy"]);
  });

  it("fits every format when nothing can be read, so the caller's default stands", () => {
    expect(fittingDateFormats(["", "N/A", "31/02/2022"])).toEqual(["dmy", "ymd", "mdy", "excel"]);
  });
});

describe("tallyDates", () => {
  it("counts how a column's values are written, and what each format reads of them", () => {
    const tally = tallyDates(
      ["15/06/2022", "01/06/2022", "2022-06-15", "44727", "12345", "", "N/A", "soon"],
      YEARS,
    );
    expect(tally).toEqual({
      values: 6,
      dayFirst: 2,
      monthFirst: 1,
      yearFirst: 1,
      serial: 2,
      recentSerial: 1,
    });
    expect(tallyReads(tally, "dmy")).toEqual({ own: 2, yearFirst: 1, serial: 1 });
    expect(tallyReads(tally, "mdy")).toEqual({ own: 1, yearFirst: 1, serial: 1 });
    expect(tallyReads(tally, "ymd")).toEqual({ own: 1, yearFirst: 0, serial: 0 });
    expect(tallyReads(tally, "excel")).toEqual({ own: 2, yearFirst: 0, serial: 0 });
  });
});
