/**
 * A per-account request quota in fixed one-minute windows aligned to the clock,
 * reported on every API response as Rate-Limit-Total / -Remaining / -Reset.
 */

export interface RateLimitState {
  allowed: boolean;
  total: number;
  remaining: number;
  /** Unix time (seconds) when the window ends and the quota refills. */
  reset: number;
}

const WINDOW_MS = 60_000;

export type RateLimiter = ReturnType<typeof createRateLimiter>;

export function createRateLimiter(perMinute: number, now: () => number) {
  const used = new Map<string, { window: number; count: number }>();

  return {
    perMinute,
    take(bucket: string): RateLimitState {
      const window = Math.floor(now() / WINDOW_MS);
      const entry = used.get(bucket);
      const count = entry?.window === window ? entry.count : 0;
      const allowed = count < perMinute;
      if (allowed) used.set(bucket, { window, count: count + 1 });
      return {
        allowed,
        total: perMinute,
        remaining: Math.max(0, perMinute - count - (allowed ? 1 : 0)),
        reset: ((window + 1) * WINDOW_MS) / 1000,
      };
    },
    reset: () => used.clear(),
  };
}
