import { describe, expect, it } from "vitest";
import { formatContactTime, formatDay, formatRate, weekLabel, weekTick } from "./overview-display";

describe("overview display", () => {
  it("labels a week by its Monday, dd/mm/yyyy, whatever the reader's zone", () => {
    expect(weekLabel("2026-12-01")).toBe("w/c 01/12/2026");
    expect(weekTick("2026-11-30")).toBe("30/11");
    expect(formatDay("2026-01-05")).toBe("05/01/2026");
  });

  it("says a time to first contact as precisely as its size needs", () => {
    expect(formatContactTime(0.4)).toBe("under a minute");
    expect(formatContactTime(45)).toBe("45 min");
    expect(formatContactTime(180)).toBe("3 h");
    expect(formatContactTime(200)).toBe("3 h 20 min");
    expect(formatContactTime(47 * 60 + 59)).toBe("47 h 59 min");
    expect(formatContactTime(48 * 60)).toBe("2 days");
    expect(formatContactTime(24 * 60 * 3 + 5 * 60 + 30)).toBe("3 days 5 h");
  });

  it("gives a win rate in whole percent", () => {
    expect(formatRate(0.5)).toBe("50%");
    expect(formatRate(2 / 3)).toBe("67%");
    expect(formatRate(0)).toBe("0%");
  });
});
