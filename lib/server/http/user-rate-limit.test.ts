import { describe, expect, it } from "vitest";
import { createUserRateLimiter } from "./user-rate-limit";

describe("createUserRateLimiter", () => {
  const start = 1_000_000;

  it("allows a burst, then refuses with the seconds until a call is free", () => {
    const limiter = createUserRateLimiter({ perSecond: 10, burst: 30 });
    const waits = Array.from({ length: 31 }, () => limiter.take(7, start));
    expect(waits.slice(0, 30).every((wait) => wait === 0)).toBe(true);
    expect(waits[30]).toBe(1);
  });

  it("refills at the steady rate, never beyond the burst", () => {
    const limiter = createUserRateLimiter({ perSecond: 10, burst: 30 });
    for (let call = 0; call < 30; call++) limiter.take(7, start);
    expect(limiter.take(7, start + 100)).toBe(0);
    expect(limiter.take(7, start + 100)).toBe(1);
    // An hour idle gives back the burst, not 36,000 calls.
    const later = start + 3_600_000;
    expect(Array.from({ length: 31 }, () => limiter.take(7, later)).filter((wait) => wait > 0)).toHaveLength(
      1,
    );
  });

  it("says how long to wait when the rate is slow", () => {
    const limiter = createUserRateLimiter({ perSecond: 0.25, burst: 1 });
    expect(limiter.take(7, start)).toBe(0);
    expect(limiter.take(7, start)).toBe(4);
  });

  it("keeps each person's share apart", () => {
    const limiter = createUserRateLimiter({ perSecond: 10, burst: 3 });
    for (let call = 0; call < 4; call++) limiter.take(1, start);
    expect(limiter.take(1, start)).toBeGreaterThan(0);
    expect(limiter.take(2, start)).toBe(0);
  });
});
