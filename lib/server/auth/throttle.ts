import "server-only";

/** How many attempts one key may make in a sliding window. */
export interface AttemptLimit {
  limit: number;
  windowMs: number;
}

/** A key an attempt counts against (an address, an account…), with that key's allowance. */
export interface ThrottleKey extends AttemptLimit {
  key: string;
}

/** One attempt, counted against each of its keys until it is released. */
export interface Reservation {
  readonly keys: readonly string[];
  readonly at: number;
}

export type ReserveResult =
  { reserved: true; reservation: Reservation } | { reserved: false; waitSeconds: number };

/**
 * Counts attempts per key. An attempt is reserved before the work it guards
 * (checking a password) and stays counted unless released, so however many
 * arrive at once, no more get through than the limits allow; one that turns
 * out well, or is never checked, is released.
 *
 * An interface because the counts live in memory for one server process, and
 * move into the database when several instances share the work.
 */
export interface AttemptThrottle {
  /** Counts one attempt against every key, or against none when any key has used its allowance. */
  reserve(keys: readonly ThrottleKey[], now?: number): ReserveResult;
  release(reservation: Reservation): void;
  /** Forgets every attempt of one key. */
  clear(key: string): void;
}

interface KeyAttempts {
  windowMs: number;
  /** When each attempt was reserved, oldest first. */
  at: number[];
}

// Keys nobody has tried for a whole window are dropped at most this often, so addresses seen once don't pile up.
const SWEEP_EVERY_MS = 60_000;

export class InMemoryAttemptThrottle implements AttemptThrottle {
  private readonly attempts = new Map<string, KeyAttempts>();
  private lastSweep = 0;

  reserve(keys: readonly ThrottleKey[], now = Date.now()): ReserveResult {
    this.sweep(now);
    let waitMs = 0;
    for (const { key, limit, windowMs } of keys) {
      const recent = this.recent(key, windowMs, now);
      if (recent.length >= limit) {
        // The key is free again once enough of its attempts have left the window.
        waitMs = Math.max(waitMs, recent[recent.length - limit]! + windowMs - now);
      }
    }
    if (waitMs > 0) return { reserved: false, waitSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };

    for (const { key, windowMs } of keys) {
      const entry = this.attempts.get(key);
      if (entry) entry.at.push(now);
      else this.attempts.set(key, { windowMs, at: [now] });
    }
    return { reserved: true, reservation: { keys: keys.map(({ key }) => key), at: now } };
  }

  release(reservation: Reservation): void {
    for (const key of reservation.keys) {
      const entry = this.attempts.get(key);
      const index = entry?.at.lastIndexOf(reservation.at) ?? -1;
      if (index >= 0) entry!.at.splice(index, 1);
    }
  }

  clear(key: string): void {
    this.attempts.delete(key);
  }

  private recent(key: string, windowMs: number, now: number): number[] {
    const entry = this.attempts.get(key);
    if (!entry) return [];
    entry.at = entry.at.filter((at) => at > now - windowMs);
    return entry.at;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    for (const [key, entry] of this.attempts) {
      if (entry.at.every((at) => at <= now - entry.windowMs)) this.attempts.delete(key);
    }
  }
}
