import "server-only";
import { formatWait } from "@/lib/format";
import { env } from "@/lib/server/env";
import { HttpError } from "./errors";

/**
 * Each person's share of the dealership's Recapture API allowance: a token
 * bucket per user that holds `burst` calls and refills `perSecond` a second.
 * Without it one busy tab (or script) spends the whole account's quota and
 * everyone else gets 429 for the rest of the minute. Kept in memory per server
 * process; a bucket is a few numbers per account.
 */
export function createUserRateLimiter({ perSecond, burst }: { perSecond: number; burst: number }) {
  const buckets = new Map<number, { tokens: number; at: number }>();

  return {
    /** Takes one call from `userId`'s bucket: 0 when allowed, else the whole seconds until one is free. */
    take(userId: number, now = Date.now()): number {
      const bucket = buckets.get(userId);
      const tokens = bucket ? Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond) : burst;
      const allowed = tokens >= 1;
      buckets.set(userId, { tokens: allowed ? tokens - 1 : tokens, at: now });
      return allowed ? 0 : Math.max(1, Math.ceil((1 - tokens) / perSecond));
    },
  };
}

export type UserRateLimiter = ReturnType<typeof createUserRateLimiter>;

// On globalThis so every route bundle (and a dev-server reload) counts in the same buckets.
const holder = globalThis as typeof globalThis & { userRateLimiter?: UserRateLimiter };

/** Throws 429, with `Retry-After` and a sentence, when `userId` has used up their share for now. */
export function assertWithinUserRateLimit(userId: number): void {
  const settings = env();
  holder.userRateLimiter ??= createUserRateLimiter({
    perSecond: settings.USER_RATE_LIMIT_PER_SECOND,
    burst: settings.USER_RATE_LIMIT_BURST,
  });
  const waitSeconds = holder.userRateLimiter.take(userId);
  if (waitSeconds > 0) {
    throw new HttpError(
      429,
      "too_many_requests",
      `You are making requests faster than the dashboard allows one person. Try again in ${formatWait(waitSeconds)}.`,
      undefined,
      { retryAfterSeconds: waitSeconds },
    );
  }
}
