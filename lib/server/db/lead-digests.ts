import "server-only";
import { database, type Db } from "./index";

/**
 * The lead_digests table (migrations/outbox.ts): one row per day a digest was
 * due, written by whichever instance gets there first. The row is the claim:
 * the instance whose insert took it sends that day's digest, any other (or the
 * same after a restart) finds it taken.
 */

export interface DigestDay {
  /** yyyy-mm-dd in the dealership's time zone. */
  day: string;
  coveredFrom: string;
  coveredUntil: string;
  newLeads: number;
  priceDrops: number;
}

/** Where the next digest starts: the end of the latest one, or null before the first. */
export async function lastDigestCoveredUntil(db?: Db): Promise<string | null> {
  const row = await (db ?? (await database()))
    .selectFrom("lead_digests")
    .select((eb) => eb.fn.max("covered_until").as("until"))
    .executeTakeFirst();
  return row?.until ?? null;
}

/** True when this call claimed `digest.day`; false when some instance already had. */
export async function claimDigestDay(digest: DigestDay, db?: Db): Promise<boolean> {
  const claimed = await (db ?? (await database()))
    .insertInto("lead_digests")
    .values({
      day: digest.day,
      covered_from: digest.coveredFrom,
      covered_until: digest.coveredUntil,
      new_leads: digest.newLeads,
      price_drops: digest.priceDrops,
    })
    .onConflict((conflict) => conflict.column("day").doNothing())
    .returning("day")
    .executeTakeFirst();
  return claimed !== undefined;
}

export async function findDigestDay(day: string, db?: Db): Promise<DigestDay | undefined> {
  const row = await (db ?? (await database()))
    .selectFrom("lead_digests")
    .selectAll()
    .where("day", "=", day)
    .executeTakeFirst();
  return (
    row && {
      day: row.day,
      coveredFrom: row.covered_from,
      coveredUntil: row.covered_until,
      newLeads: row.new_leads,
      priceDrops: row.price_drops,
    }
  );
}
