import "server-only";

/**
 * Keeps the sync polite to the Recapture API: requests start at most
 * `maxPerSecond` a second, and fewer when the API's `Rate-Limit-*` headers say
 * the allowance is running low, so the sync slows down before a 429 rather
 * than after one. A share of each window's allowance is left for the people
 * using the dashboard, whose calls count against the same key.
 */

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Of each rate-limit window's allowance, this share is never spent by the sync. */
export const RESERVED_FOR_PEOPLE = 0.2;
/** After the window turns, a moment for the clocks on either side to agree. */
const RESET_MARGIN_MS = 250;

interface RateLimit {
  total: number;
  remaining: number;
  resetAtMs: number;
}

function readRateLimit(headers: Headers): RateLimit | undefined {
  const number = (name: string) => {
    const value = headers.get(name)?.trim();
    return value && /^\d+$/.test(value) ? Number(value) : undefined;
  };
  const total = number("Rate-Limit-Total");
  const remaining = number("Rate-Limit-Remaining");
  const reset = number("Rate-Limit-Reset");
  if (total === undefined || remaining === undefined || reset === undefined) return undefined;
  return { total, remaining, resetAtMs: reset * 1000 };
}

export class RequestPacer {
  private nextStartAt = 0;
  private readonly spacingMs: number;

  constructor(
    maxPerSecond: number,
    private readonly clock: Clock = realClock,
  ) {
    this.spacingMs = 1000 / maxPerSecond;
  }

  /** Waits until the next request may start, and books that start. */
  async beforeRequest(): Promise<void> {
    const wait = this.nextStartAt - this.clock.now();
    if (wait > 0) await this.clock.sleep(wait);
    this.nextStartAt = Math.max(this.nextStartAt, this.clock.now() + this.spacingMs);
  }

  /**
   * Reads an answer's rate-limit headers: what is left of the window beyond
   * the people's share is spread evenly over the time until it resets, and
   * with nothing left the next request waits for the reset.
   */
  observe(answer: { headers: Headers }): void {
    const limit = readRateLimit(answer.headers);
    if (!limit) return;
    const now = this.clock.now();
    const untilReset = Math.max(0, limit.resetAtMs - now);
    const usable = limit.remaining - Math.ceil(limit.total * RESERVED_FOR_PEOPLE);
    const earliest = usable <= 0 ? now + untilReset + RESET_MARGIN_MS : now + untilReset / usable;
    this.nextStartAt = Math.max(this.nextStartAt, earliest);
  }

  /** Holds every request back for `ms` (a 429's Retry-After, a backoff). */
  pause(ms: number): void {
    this.nextStartAt = Math.max(this.nextStartAt, this.clock.now() + ms);
  }
}
