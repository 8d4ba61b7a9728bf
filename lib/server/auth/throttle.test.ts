import { describe, expect, it } from "vitest";
import { FailureThrottle } from "./throttle";

describe("FailureThrottle", () => {
  const start = 1_000_000;

  it("lets a key fail five times in a minute, then says how long to wait", () => {
    const throttle = new FailureThrottle(5, 60_000);
    for (let i = 0; i < 5; i++) {
      expect(throttle.waitSeconds("email:a", start + i * 1000)).toBe(0);
      throttle.recordFailure("email:a", start + i * 1000);
    }
    // The oldest failure (at `start`) leaves the window 60 s after it happened.
    expect(throttle.waitSeconds("email:a", start + 5_000)).toBe(55);
    expect(throttle.waitSeconds("email:a", start + 59_500)).toBe(1);
    expect(throttle.waitSeconds("email:a", start + 60_001)).toBe(0);
  });

  it("slides: old failures stop counting, recent ones still do", () => {
    const throttle = new FailureThrottle(5, 60_000);
    for (const offset of [0, 10_000, 20_000, 50_000, 55_000]) throttle.recordFailure("ip:1", start + offset);
    expect(throttle.waitSeconds("ip:1", start + 56_000)).toBe(4);
    expect(throttle.waitSeconds("ip:1", start + 61_000)).toBe(0);
    throttle.recordFailure("ip:1", start + 61_000);
    expect(throttle.waitSeconds("ip:1", start + 62_000)).toBe(8);
  });

  it("keeps keys apart and forgets a key when cleared", () => {
    const throttle = new FailureThrottle(2, 60_000);
    throttle.recordFailure("email:a", start);
    throttle.recordFailure("email:a", start);
    expect(throttle.waitSeconds("email:a", start)).toBeGreaterThan(0);
    expect(throttle.waitSeconds("email:b", start)).toBe(0);
    throttle.clear("email:a");
    expect(throttle.waitSeconds("email:a", start)).toBe(0);
  });
});
