import "server-only";
import { database, type Db } from "./index";

/**
 * The leases table (migrations/shared-state.ts): each background job runs on
 * the instance that holds its lease. Taking a lease is one statement on both
 * engines: insert it, or take it over when it has expired or is already ours
 * (which renews it), so two instances asking at once can't both get it.
 */

/** True when `holder` now holds `name` until `now + ttlMs`. */
export async function takeLease(
  name: string,
  holder: string,
  ttlMs: number,
  now = Date.now(),
  db?: Db,
): Promise<boolean> {
  const taken = await (db ?? (await database()))
    .insertInto("leases")
    .values({ name, holder, expires_at: now + ttlMs })
    .onConflict((conflict) =>
      conflict
        .column("name")
        .doUpdateSet((eb) => ({
          holder: eb.ref("excluded.holder"),
          expires_at: eb.ref("excluded.expires_at"),
        }))
        .where((eb) => eb.or([eb("leases.expires_at", "<=", now), eb("leases.holder", "=", holder)])),
    )
    .returning("holder")
    .executeTakeFirst();
  return taken?.holder === holder;
}

/** Gives a lease up (a clean shutdown), so another instance needn't wait for it to expire. */
export async function releaseLease(name: string, holder: string, db?: Db): Promise<void> {
  await (db ?? (await database()))
    .deleteFrom("leases")
    .where("name", "=", name)
    .where("holder", "=", holder)
    .execute();
}

/** Who holds a lease and until when (ms), if anyone does. */
export async function findLease(
  name: string,
  db?: Db,
): Promise<{ holder: string; expiresAt: number } | undefined> {
  const row = await (db ?? (await database()))
    .selectFrom("leases")
    .select(["holder", "expires_at"])
    .where("name", "=", name)
    .executeTakeFirst();
  return row && { holder: row.holder, expiresAt: row.expires_at };
}
