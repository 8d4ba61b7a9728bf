import "server-only";
import type { Db, DashboardDatabase } from "./index";
import { lockKeysForWrite } from "./write-locks";

/**
 * The sign_in_attempts table: attempts counted against keys (an address, an
 * account…), shared by every instance using the database.
 * lib/server/auth/throttle.ts decides what they allow. Times are milliseconds.
 */

export interface CountedAttempt {
  key: string;
  reservation: string;
  at: number;
  expiresAt: number;
}

/** What one transaction may read and write of some keys' attempts while it holds those keys. */
export interface HeldKeys {
  /** When `key`'s newest attempts after `since` were made, newest first, at most `count` of them. */
  newest(key: string, since: number, count: number): Promise<number[]>;
  count(attempts: readonly CountedAttempt[]): Promise<void>;
}

/**
 * Runs `work` in one transaction that holds `keys` against every other
 * transaction over any of them, on this instance or another, so what it reads
 * is still true when it writes.
 */
export function withKeysHeld<T>(
  database: DashboardDatabase,
  keys: readonly string[],
  work: (held: HeldKeys) => Promise<T>,
): Promise<T> {
  return database.kysely.transaction().execute(async (trx) => {
    await lockKeysForWrite(trx, database.engine, keys);
    return work({
      async newest(key, since, count) {
        const rows = await trx
          .selectFrom("sign_in_attempts")
          .select("at")
          .where("key", "=", key)
          .where("at", ">", since)
          .orderBy("at", "desc")
          .limit(count)
          .execute();
        return rows.map((row) => row.at);
      },
      async count(attempts) {
        if (attempts.length === 0) return;
        await trx
          .insertInto("sign_in_attempts")
          .values(
            attempts.map(({ key, reservation, at, expiresAt }) => ({
              key,
              reservation,
              at,
              expires_at: expiresAt,
            })),
          )
          .execute();
      },
    });
  });
}

export async function deleteAttemptsOfReservation(db: Db, reservation: string): Promise<void> {
  await db.deleteFrom("sign_in_attempts").where("reservation", "=", reservation).execute();
}

export async function deleteAttemptsOfKey(db: Db, key: string): Promise<void> {
  await db.deleteFrom("sign_in_attempts").where("key", "=", key).execute();
}

export async function deleteExpiredAttempts(db: Db, now: number): Promise<void> {
  await db.deleteFrom("sign_in_attempts").where("expires_at", "<=", now).execute();
}
