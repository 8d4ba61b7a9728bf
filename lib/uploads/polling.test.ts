import { describe, expect, it } from "vitest";
import { ACTIVE_POLL_MS, HIDDEN_POLL_MS, LIST_POLL_MS, pollInterval, reconnectDelay } from "./polling";

describe("pollInterval", () => {
  it("polls about every second while watched, slower while hidden", () => {
    expect(pollInterval({ finished: false, hidden: false })).toBe(ACTIVE_POLL_MS);
    expect(pollInterval({ finished: false, hidden: true })).toBe(HIDDEN_POLL_MS);
  });

  it("stops once the upload is complete or cancelled", () => {
    expect(pollInterval({ finished: true, hidden: false })).toBe(false);
    expect(pollInterval({ finished: true, hidden: true })).toBe(false);
  });

  it("never polls a hidden tab faster than a visible one", () => {
    expect(pollInterval({ finished: false, hidden: false, activeMs: LIST_POLL_MS })).toBe(LIST_POLL_MS);
    expect(pollInterval({ finished: false, hidden: true, activeMs: 60_000 })).toBe(60_000);
  });
});

describe("reconnectDelay", () => {
  it("backs off exponentially up to a ceiling", () => {
    expect([0, 1, 2, 3, 4, 5, 20].map(reconnectDelay)).toEqual([
      1_000, 2_000, 4_000, 8_000, 15_000, 15_000, 15_000,
    ]);
  });
});
