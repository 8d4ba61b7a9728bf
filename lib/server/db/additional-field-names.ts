import "server-only";
import { sql, type Kysely } from "kysely";
import type { Region } from "@/lib/recapture/regions";
import { PART_REFERENCE_FIELD } from "@/lib/server/uploads/part-reference";
import { dashboardDatabase } from "./index";
import type { Tables } from "./schema";
import type { Engine } from "./write-locks";

/**
 * The additional fields the dealership's customers actually have (customer_name,
 * salesperson, branch…), most common first: what the customers table offers as
 * columns. Read from the newest customers only, so the answer costs the same
 * however large the index grows, and remembered for a minute, as the table asks
 * on every visit and the answer changes only with new uploads.
 */

/** How many of the newest customers are read: enough to see every field a dealer system exports. */
export const FIELD_NAMES_SAMPLE = 2_000;
/** At most this many names, as a customer has at most 50 fields and the Columns menu has to stay usable. */
export const FIELD_NAMES_MAX = 50;
const REMEMBERED_MS = 60_000;

// The one place the engines differ: the keys of a JSON object held as text, as a table `f` with a column `key`.
function keysOf(engine: Engine) {
  return engine === "postgres"
    ? sql`json_object_keys(c.additional_fields::json) AS f(key)`
    : sql`json_each(c.additional_fields) AS f`;
}

/** The field names of `region`'s newest customers, asked of the database each time. */
export async function readAdditionalFieldNames(
  db: Kysely<Tables>,
  engine: Engine,
  region: Region,
): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT f.key AS name
    FROM (
      SELECT key, additional_fields FROM indexed_customers
      WHERE region = ${region} AND additional_fields IS NOT NULL
      ORDER BY key DESC
      LIMIT ${FIELD_NAMES_SAMPLE}
    ) AS c, ${keysOf(engine)}
    WHERE f.key <> ${PART_REFERENCE_FIELD}
    GROUP BY f.key
    -- Equally common fields: the one a newer customer has first, then by name, so both engines agree.
    ORDER BY COUNT(*) DESC, MAX(c.key) DESC, f.key
    LIMIT ${FIELD_NAMES_MAX}`.execute(db);
  return rows.map((row) => row.name);
}

interface Remembered {
  at: number;
  names: Promise<string[]>;
}

// Per database (a test's fresh one starts empty) and region.
const remembered = new WeakMap<Kysely<Tables>, Map<Region, Remembered>>();

/** The field names of `region`'s customers, read at most once a minute per process. */
export async function additionalFieldNames(region: Region, now = Date.now()): Promise<string[]> {
  const { kysely, engine } = await dashboardDatabase();
  let byRegion = remembered.get(kysely);
  if (!byRegion) remembered.set(kysely, (byRegion = new Map()));
  const known = byRegion.get(region);
  if (known && now - known.at < REMEMBERED_MS) return known.names;
  // Callers arriving together share one read; a failed one is not remembered.
  const names = readAdditionalFieldNames(kysely, engine, region);
  const entry = { at: now, names };
  byRegion.set(region, entry);
  names.catch(() => {
    if (byRegion.get(region) === entry) byRegion.delete(region);
  });
  return names;
}
