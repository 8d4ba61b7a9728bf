import { describe, expect, it } from "vitest";
import { dueDigestDay, localDayAndTime } from "./digest-schedule";

describe("when the digest is due", () => {
  it("reads the day and time in the dealership's zone, daylight saving included", () => {
    // December: Melbourne is UTC+11, Perth UTC+8. June: Melbourne UTC+10.
    expect(localDayAndTime(new Date("2026-12-03T21:00:00Z"), "Australia/Melbourne")).toEqual({
      day: "2026-12-04",
      time: "08:00",
    });
    expect(localDayAndTime(new Date("2026-12-03T21:00:00Z"), "Australia/Perth")).toEqual({
      day: "2026-12-04",
      time: "05:00",
    });
    expect(localDayAndTime(new Date("2026-06-03T22:00:00Z"), "Australia/Melbourne")).toEqual({
      day: "2026-06-04",
      time: "08:00",
    });
  });

  it("is due from DIGEST_TIME until midnight, for that day", () => {
    const zone = "Australia/Melbourne";
    expect(dueDigestDay(new Date("2026-12-03T20:59:00Z"), "08:00", zone)).toBeNull();
    expect(dueDigestDay(new Date("2026-12-03T21:00:00Z"), "08:00", zone)).toBe("2026-12-04");
    expect(dueDigestDay(new Date("2026-12-04T12:59:00Z"), "08:00", zone)).toBe("2026-12-04");
    expect(dueDigestDay(new Date("2026-12-04T13:00:00Z"), "08:00", zone)).toBeNull();
    expect(dueDigestDay(new Date("2026-12-04T06:30:00Z"), "17:30", zone)).toBe("2026-12-04");
  });
});
