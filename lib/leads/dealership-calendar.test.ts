import { describe, expect, it } from "vitest";
import { dealershipDay, dealershipMonth, dealershipWeeks } from "./dealership-calendar";

const MELBOURNE = "Australia/Melbourne";
const HOUR_MS = 3600 * 1000;
const hoursLong = ({ start, end }: { start: string; end: string }) =>
  (Date.parse(end) - Date.parse(start)) / HOUR_MS;

describe("the dealership's weeks", () => {
  it("begin on Monday at local midnight, not UTC's", () => {
    // Monday 30/11/2026 08:00 in Melbourne is still Sunday in UTC.
    const [week] = dealershipWeeks(new Date("2026-11-29T21:00:00.000Z"), MELBOURNE, 1);
    expect(week).toEqual({
      monday: "2026-11-30",
      start: "2026-11-29T13:00:00.000Z",
      end: "2026-12-06T13:00:00.000Z",
    });
    // Sunday 29/11/2026 23:30 in Melbourne belongs to the week before.
    expect(dealershipWeeks(new Date("2026-11-29T12:30:00.000Z"), MELBOURNE, 1)[0]!.monday).toBe("2026-11-23");
  });

  it("are listed oldest first, each ending where the next begins, the last the current one", () => {
    const weeks = dealershipWeeks(new Date("2026-12-03T02:00:00.000Z"), MELBOURNE, 12);
    expect(weeks).toHaveLength(12);
    expect(weeks[0]!.monday).toBe("2026-09-14");
    expect(weeks.at(-1)!.monday).toBe("2026-11-30");
    for (let index = 1; index < weeks.length; index++)
      expect(weeks[index]!.start).toBe(weeks[index - 1]!.end);
  });

  it("are an hour short when daylight saving starts, and an hour long when it ends", () => {
    // Clocks go forward on Sunday 04/10/2026 and back on Sunday 05/04/2026.
    const spring = dealershipWeeks(new Date("2026-10-01T00:00:00.000Z"), MELBOURNE, 1)[0]!;
    expect(spring).toEqual({
      monday: "2026-09-28",
      start: "2026-09-27T14:00:00.000Z",
      end: "2026-10-04T13:00:00.000Z",
    });
    expect(hoursLong(spring)).toBe(167);
    const autumn = dealershipWeeks(new Date("2026-04-01T00:00:00.000Z"), MELBOURNE, 1)[0]!;
    expect(autumn).toEqual({
      monday: "2026-03-30",
      start: "2026-03-29T13:00:00.000Z",
      end: "2026-04-05T14:00:00.000Z",
    });
    expect(hoursLong(autumn)).toBe(169);
  });

  it("put the first minutes after a change of clocks in the right week", () => {
    // Sunday 04/10/2026 23:30 daylight time, then Monday 05/10/2026 00:30: both are Sunday in UTC.
    expect(dealershipWeeks(new Date("2026-10-04T12:30:00.000Z"), MELBOURNE, 1)[0]!.monday).toBe("2026-09-28");
    expect(dealershipWeeks(new Date("2026-10-04T13:30:00.000Z"), MELBOURNE, 1)[0]!.monday).toBe("2026-10-05");
  });

  it("span a daylight-saving change within the twelve weeks", () => {
    const weeks = dealershipWeeks(new Date("2026-10-20T00:00:00.000Z"), MELBOURNE, 12);
    expect(weeks.map(hoursLong).filter((hours) => hours !== 168)).toEqual([167]);
  });

  it("follow the zone it is given, whatever the server's", () => {
    expect(dealershipWeeks(new Date("2026-12-03T12:00:00.000Z"), "UTC", 1)[0]).toEqual({
      monday: "2026-11-30",
      start: "2026-11-30T00:00:00.000Z",
      end: "2026-12-07T00:00:00.000Z",
    });
    expect(dealershipWeeks(new Date("2026-12-03T12:00:00.000Z"), "Australia/Perth", 1)[0]!.start).toBe(
      "2026-11-29T16:00:00.000Z",
    );
  });
});

describe("the dealership's month and day", () => {
  it("turn at local midnight", () => {
    // 01/12/2026 01:30 in Melbourne is still November in UTC.
    expect(dealershipMonth(new Date("2026-11-30T14:30:00.000Z"), MELBOURNE)).toEqual({
      firstDay: "2026-12-01",
      start: "2026-11-30T13:00:00.000Z",
    });
    expect(dealershipMonth(new Date("2026-11-30T12:30:00.000Z"), MELBOURNE).firstDay).toBe("2026-11-01");
    expect(dealershipDay(new Date("2026-11-30T14:30:00.000Z"), MELBOURNE)).toBe("2026-12-01");
  });

  it("begins in standard time when the month began before clocks went forward", () => {
    expect(dealershipMonth(new Date("2026-10-20T00:00:00.000Z"), MELBOURNE).start).toBe(
      "2026-09-30T14:00:00.000Z",
    );
  });
});
