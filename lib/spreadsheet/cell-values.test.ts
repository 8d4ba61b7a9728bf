import { describe, expect, it } from "vitest";
import { excelDateText, excelNumberText, isDateFormatCode } from "@/lib/spreadsheet/cell-values";

describe("isDateFormatCode", () => {
  it.each(["dd/mm/yyyy", "d-mmm-yy", "mmm yyyy", "[$-409]dddd, mmmm dd, yyyy;@", "yyyy-mm-dd hh:mm"])(
    "takes %j for a date",
    (code) => expect(isDateFormatCode(code)).toBe(true),
  );

  it.each(["General", "0.00", "#,##0", "h:mm", "[h]:mm:ss", '"Day" 0', "[Red]0.00", "@", "0.00E+00"])(
    "doesn't take %j for a date",
    (code) => expect(isDateFormatCode(code)).toBe(false),
  );
});

describe("excelDateText", () => {
  it("writes the day, and the time when there is one", () => {
    expect(excelDateText(44727, false)).toBe("2022-06-15");
    expect(excelDateText(44727.5, false)).toBe("2022-06-15 12:00");
    expect(excelDateText(44727 + 1 / 86_400, false)).toBe("2022-06-15 00:00:01");
    expect(excelDateText(44727.9999999, false)).toBe("2022-06-16");
  });

  it("counts from 1904 for workbooks made on old Macs", () => {
    expect(excelDateText(0, true)).toBe("1904-01-01");
    expect(excelDateText(44727 - 1462, true)).toBe("2022-06-15");
  });

  it("gives nothing for what is no day", () => {
    expect(excelDateText(0.5, false)).toBeUndefined();
    expect(excelDateText(-3, false)).toBeUndefined();
  });
});

describe("excelNumberText", () => {
  it("keeps 15 significant digits, as Excel does", () => {
    expect(excelNumberText(412345678)).toBe("412345678");
    expect(excelNumberText(0.1 + 0.2)).toBe("0.3");
    expect(excelNumberText(61412345678)).toBe("61412345678");
  });
});
