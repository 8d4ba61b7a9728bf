import "server-only";
import { randomUUID } from "node:crypto";
import type { DashboardDatabase } from "@/lib/server/db";
import {
  deleteAttemptsOfKey,
  deleteAttemptsOfReservation,
  deleteExpiredAttempts,
  withKeysHeld,
} from "@/lib/server/db/sign-in-attempts";

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
  readonly id: string;
}

export type ReserveResult =
  { reserved: true; reservation: Reservation } | { reserved: false; waitSeconds: number };

// Attempts that have left their window are deleted at most this often, so addresses seen once don't pile up.
const SWEEP_EVERY_MS = 60_000;

/**
 * Counts attempts per key. An attempt is reserved before the work it guards
 * (checking a password) and stays counted unless released, so however many
 * arrive at once, no more get through than the limits allow; one that turns
 * out well, or is never checked, is released.
 *
 * The counts are kept in the database, so every instance sharing it counts
 * the same attempts, and a reservation holds its keys while it counts (see
 * withKeysHeld), so simultaneous attempts on any instances are counted one
 * after another.
 */
export class AttemptThrottle {
  private lastSweep = 0;

  constructor(private readonly database: () => Promise<DashboardDatabase>) {}

  /** Counts one attempt against every key, or against none when any key has used its allowance. */
  async reserve(keys: readonly ThrottleKey[], now = Date.now()): Promise<ReserveResult> {
    const database = await this.database();
    await this.sweep(database, now);
    return withKeysHeld(
      database,
      keys.map(({ key }) => key),
      async (held) => {
        let waitMs = 0;
        for (const { key, limit, windowMs } of keys) {
          const newest = await held.newest(key, now - windowMs, limit);
          // The key is free again once the oldest of its last `limit` attempts has left the window.
          if (newest.length >= limit) waitMs = Math.max(waitMs, newest[limit - 1]! + windowMs - now);
        }
        if (waitMs > 0) return { reserved: false, waitSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };

        const reservation = randomUUID();
        await held.count(
          keys.map(({ key, windowMs }) => ({ key, reservation, at: now, expiresAt: now + windowMs })),
        );
        return { reserved: true, reservation: { id: reservation } };
      },
    );
  }

  async release(reservation: Reservation): Promise<void> {
    await deleteAttemptsOfReservation((await this.database()).kysely, reservation.id);
  }

  /** Forgets every attempt of one key. */
  async clear(key: string): Promise<void> {
    await deleteAttemptsOfKey((await this.database()).kysely, key);
  }

  private async sweep(database: DashboardDatabase, now: number): Promise<void> {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    await deleteExpiredAttempts(database.kysely, now);
  }
}
