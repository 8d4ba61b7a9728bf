import { describe, expect, it } from "vitest";
import { InMemoryAttemptThrottle, type ThrottleKey } from "./throttle";

const start = 1_000_000;
const perMinute = (key: string, limit = 5): ThrottleKey => ({ key, limit, windowMs: 60_000 });

describe("InMemoryAttemptThrottle", () => {
  it("reserves no more attempts than the limit, however many arrive before any is settled", () => {
    const throttle = new InMemoryAttemptThrottle();
    const results = Array.from({ length: 20 }, () => throttle.reserve([perMinute("address:a")], start));
    expect(results.filter((result) => result.reserved)).toHaveLength(5);
    expect(results.slice(5)).toEqual(Array(15).fill({ reserved: false, waitSeconds: 60 }));
  });

  it("says how long to wait, and slides: old attempts stop counting, recent ones still do", () => {
    const throttle = new InMemoryAttemptThrottle();
    for (const offset of [0, 10_000, 20_000, 50_000, 55_000]) {
      expect(throttle.reserve([perMinute("address:a")], start + offset).reserved).toBe(true);
    }
    // The oldest attempt (at `start`) leaves the window 60 s after it was made.
    expect(throttle.reserve([perMinute("address:a")], start + 56_000)).toEqual({
      reserved: false,
      waitSeconds: 4,
    });
    expect(throttle.reserve([perMinute("address:a")], start + 59_500)).toEqual({
      reserved: false,
      waitSeconds: 1,
    });
    expect(throttle.reserve([perMinute("address:a")], start + 61_000).reserved).toBe(true);
    expect(throttle.reserve([perMinute("address:a")], start + 62_000)).toEqual({
      reserved: false,
      waitSeconds: 8,
    });
  });

  it("counts an attempt against all of its keys or none, each key with its own allowance", () => {
    const throttle = new InMemoryAttemptThrottle();
    const account = { key: "account:sam", limit: 100, windowMs: 15 * 60_000 };
    for (let i = 0; i < 5; i++) throttle.reserve([perMinute("address:a"), account], start);
    // The address is used up; the account, with its higher allowance, is not.
    expect(throttle.reserve([perMinute("address:a"), account], start).reserved).toBe(false);
    for (let i = 0; i < 95; i++) {
      expect(throttle.reserve([perMinute(`address:${i}`), account], start).reserved).toBe(true);
    }
    // The refused attempt above was not counted against the account: exactly 100 are.
    expect(throttle.reserve([perMinute("address:fresh"), account], start)).toEqual({
      reserved: false,
      waitSeconds: 900,
    });
    expect(throttle.reserve([perMinute("address:fresh"), account], start + 15 * 60_000 + 1).reserved).toBe(
      true,
    );
  });

  it("gives a released attempt back, and forgets a cleared key", () => {
    const throttle = new InMemoryAttemptThrottle();
    const keys = [perMinute("address:a", 2), perMinute("account:sam", 2)];
    const first = throttle.reserve(keys, start);
    throttle.reserve(keys, start + 1);
    expect(throttle.reserve(keys, start + 2).reserved).toBe(false);
    if (!first.reserved) expect.unreachable();
    throttle.release(first.reservation);
    expect(throttle.reserve(keys, start + 3).reserved).toBe(true);
    expect(throttle.reserve(keys, start + 4).reserved).toBe(false);
    throttle.clear("address:a");
    throttle.clear("account:sam");
    expect(throttle.reserve(keys, start + 5).reserved).toBe(true);
  });

  it("keeps keys apart", () => {
    const throttle = new InMemoryAttemptThrottle();
    throttle.reserve([perMinute("address:a", 1)], start);
    expect(throttle.reserve([perMinute("address:a", 1)], start).reserved).toBe(false);
    expect(throttle.reserve([perMinute("address:b", 1)], start).reserved).toBe(true);
  });
});
