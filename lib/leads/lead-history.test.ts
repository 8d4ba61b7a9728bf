import { describe, expect, it } from "vitest";
import { firstSighting, isHistoryDismissal, HISTORY_DISMISSAL } from "./lead-history";

const NOW = new Date("2026-12-03T09:00:00.000Z");

describe("a lead met for the first time", () => {
  it("is news once the index has been complete: first seen now, new, however long ago it was listed", () => {
    expect(firstSighting("2020-01-01T00:00:00Z", NOW, false)).toEqual({
      firstSeenAt: NOW.toISOString(),
      status: "new",
    });
  });

  it("is history while the dashboard meets the dealership's: first seen when listed, dismissed after 14 days", () => {
    expect(firstSighting("2026-11-19T08:59:59+00:00", NOW, true)).toEqual({
      firstSeenAt: "2026-11-19T08:59:59.000Z",
      status: "dismissed",
    });
    expect(firstSighting("2026-11-19T09:00:00Z", NOW, true)).toEqual({
      firstSeenAt: "2026-11-19T09:00:00.000Z",
      status: "new",
    });
  });

  it("counts a listing time in the future as now", () => {
    expect(firstSighting("2026-12-04T00:00:00Z", NOW, true)).toEqual({
      firstSeenAt: NOW.toISOString(),
      status: "new",
    });
  });

  it("knows its dismissal from a person's", () => {
    expect(isHistoryDismissal(HISTORY_DISMISSAL)).toBe(true);
    expect(isHistoryDismissal({ from: "new", to: "dismissed" })).toBe(false);
    expect(isHistoryDismissal(null)).toBe(false);
  });
});
