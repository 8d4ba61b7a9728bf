import { describe, expect, it } from "vitest";
import {
  formatAud,
  formatCount,
  formatDate,
  formatDateTime,
  formatMomentSince,
  formatQuantity,
  formatWait,
} from "@/lib/format";

describe("formatDate", () => {
  it("shows a stored calendar date as dd/mm/yyyy", () => {
    expect(formatDate("2022-06-15T00:00:00.000Z")).toBe("15/06/2022");
    expect(formatDate("2022-01-07T00:00:00.000Z")).toBe("07/01/2022");
  });
});

describe("formatDateTime", () => {
  it("shows a moment in the dealership's time zone, 24-hour", () => {
    // 14:23 UTC is 00:23 the next day in Melbourne (AEST, +10).
    expect(formatDateTime("2022-08-15T14:23:01.000Z", "Australia/Melbourne")).toBe("16/08/2022 00:23");
    expect(formatDateTime("2022-08-15T14:23:01.000Z", "Australia/Perth")).toBe("15/08/2022 22:23");
  });

  it("follows daylight saving", () => {
    // January is AEDT (+11) in Sydney.
    expect(formatDateTime("2023-01-10T01:05:00.000Z", "Australia/Sydney")).toBe("10/01/2023 12:05");
  });
});

describe("formatMomentSince", () => {
  const now = new Date("2024-06-15T02:00:00.000Z"); // 12:00 in Melbourne

  it("gives only the time for a moment earlier today in the dealership's time zone", () => {
    expect(formatMomentSince("2024-06-14T22:05:00.000Z", "Australia/Melbourne", now)).toBe("08:05");
  });

  it("gives the date too for any other day there", () => {
    // 13:30 UTC on the 14th is still the 14th in Melbourne (23:30).
    expect(formatMomentSince("2024-06-14T13:30:00.000Z", "Australia/Melbourne", now)).toBe(
      "14/06/2024 23:30",
    );
  });
});

describe("formatAud", () => {
  it("shows whole dollars without cents", () => {
    expect(formatAud(28500)).toBe("$28,500");
  });

  it("shows cents when there are any", () => {
    expect(formatAud(1234.5)).toBe("$1,234.50");
  });
});

describe("formatCount and formatQuantity", () => {
  it("groups thousands and rounds to whole numbers", () => {
    expect(formatCount(100_000)).toBe("100,000");
    expect(formatCount(0.4)).toBe("0");
  });

  it("counts errors in the singular for one", () => {
    expect(formatQuantity(1, "error")).toBe("1 error");
    expect(formatQuantity(1_250, "error")).toBe("1,250 errors");
    expect(formatQuantity(2, "entry", "entries")).toBe("2 entries");
  });
});

describe("formatWait", () => {
  it("says seconds up to a minute and a half, then whole minutes, rounding up", () => {
    expect(formatWait(0.2)).toBe("1 second");
    expect(formatWait(40)).toBe("40 seconds");
    expect(formatWait(90)).toBe("90 seconds");
    expect(formatWait(91)).toBe("2 minutes");
    expect(formatWait(3600)).toBe("60 minutes");
  });
});
