import { describe, expect, it } from "vitest";
import { LEAD_STATUSES } from "./lead-status";
import { leadOutcome, median, winRate } from "./overview";

describe("median", () => {
  it("is the middle value, or the mean of the middle two, in any order", () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 30, 20])).toBe(25);
    expect(median([7])).toBe(7);
  });

  it("is null for no values", () => {
    expect(median([])).toBeNull();
  });

  it("leaves its input as it was", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("win rate", () => {
  it("is won out of won and lost, dismissed leads left out", () => {
    expect(winRate(3, 1)).toBe(0.75);
    expect(winRate(0, 4)).toBe(0);
    expect(winRate(2, 0)).toBe(1);
  });

  it("is null before any lead is won or lost", () => {
    expect(winRate(0, 0)).toBeNull();
  });
});

describe("lead outcome", () => {
  it("counts every status still being worked as open", () => {
    expect(Object.fromEntries(LEAD_STATUSES.map((status) => [status, leadOutcome(status)]))).toEqual({
      new: "open",
      contacted: "open",
      appointment: "open",
      won: "won",
      lost: "lost",
      dismissed: "dismissed",
    });
  });
});
