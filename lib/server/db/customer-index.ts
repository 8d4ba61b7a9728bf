import "server-only";
import { createHash } from "node:crypto";
import type { Insertable, Transaction } from "kysely";
import { normalisedRego, searchTermsOf } from "@/lib/customer-index/search-terms";
import type { Region } from "@/lib/recapture/regions";
import type { Customer } from "@/lib/recapture/schemas";
import { database } from "./index";
import type { IndexedCustomersTable, IndexedSightingsTable, Tables } from "./schema";

/**
 * Writes to the customer index (migrations/customer-index.ts): the sync's
 * pages, the sweep at the end of a complete pass, and the dashboard's own
 * changes written through at once. Each is one transaction, so a reader sees
 * a customer with all of its sightings and search terms or not at all.
 */

type Trx = Transaction<Tables>;

/** What one customer becomes in the index. */
interface IndexEntry {
  row: Omit<
    Insertable<IndexedCustomersTable>,
    "region" | "seen_pass" | "upload_id" | "upload_pass" | "indexed_at"
  >;
  sightings: Omit<IndexedSightingsTable, "customer_key">[];
  terms: string[];
}

function indexEntry(customer: Customer): IndexEntry {
  let newest: Customer["sightings"][number] | undefined;
  for (const sighting of customer.sightings) if (!newest || sighting.at > newest.at) newest = sighting;
  return {
    row: {
      id: customer.id,
      rego: customer.rego,
      rego_normalised: customer.rego === null ? null : normalisedRego(customer.rego),
      state: customer.state,
      vin: customer.vin,
      external_id: customer.external_id,
      sale_date: customer.sale_date,
      monitor_start_date: customer.monitor_start_date,
      monitor_end_date: customer.monitor_end_date,
      vehicle_title: customer.vehicle_title,
      additional_fields:
        customer.additional_fields === null ? null : JSON.stringify(customer.additional_fields),
      last_updated: customer.last_updated,
      sightings: customer.sightings.length,
      newest_sighting_at: newest?.at ?? null,
      newest_seller_type: newest?.seller_type ?? null,
      // Sightings appear without last_updated changing, so the whole record is what is compared.
      fingerprint: createHash("sha1").update(JSON.stringify(customer)).digest("base64url"),
    },
    sightings: customer.sightings.map((sighting) => ({
      lead_id: sighting.lead_id,
      at: sighting.at,
      listing_url: sighting.listing_url,
      listing_title: sighting.listing_title,
      listing_price: sighting.listing_price,
      seller_type: sighting.seller_type,
    })),
    terms: searchTermsOf(customer),
  };
}

// Every column the API's record decides: what an upsert replaces.
const RECORD_COLUMNS = [
  "rego",
  "rego_normalised",
  "state",
  "vin",
  "external_id",
  "sale_date",
  "monitor_start_date",
  "monitor_end_date",
  "vehicle_title",
  "additional_fields",
  "last_updated",
  "sightings",
  "newest_sighting_at",
  "newest_seller_type",
  "fingerprint",
  "indexed_at",
] as const;

/** Rows per INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 bound values. */
function* batches<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

/**
 * Inserts or replaces customers and returns the key of each one written. A
 * record is replaced only when it differs and is not older than the one
 * indexed, so a page read before an edit that was written through can't undo
 * it. `seenPass` marks them read by that pass; without one (a write-through) a
 * new row has pass 0 and an existing row keeps its mark.
 */
async function upsertCustomers(
  trx: Trx,
  region: Region,
  entries: readonly IndexEntry[],
  indexedAt: string,
  seenPass?: number,
): Promise<Map<string, number>> {
  const written = new Map<string, number>();
  for (const batch of batches(entries, 400)) {
    const rows = await trx
      .insertInto("indexed_customers")
      .values(batch.map(({ row }) => ({ ...row, region, seen_pass: seenPass ?? 0, indexed_at: indexedAt })))
      .onConflict((conflict) =>
        conflict
          .columns(["region", "id"])
          .doUpdateSet((eb) => {
            const set: Record<string, unknown> = {};
            for (const column of RECORD_COLUMNS) set[column] = eb.ref(`excluded.${column}`);
            if (seenPass !== undefined) set.seen_pass = eb.ref("excluded.seen_pass");
            return set as { [C in (typeof RECORD_COLUMNS)[number]]: never };
          })
          .where((eb) =>
            eb.and([
              eb("indexed_customers.fingerprint", "<>", eb.ref("excluded.fingerprint")),
              eb("excluded.last_updated", ">=", eb.ref("indexed_customers.last_updated")),
            ]),
          ),
      )
      .returning(["id", "key"])
      .execute();
    for (const { id, key } of rows) written.set(id, key);
  }
  return written;
}

/** Replaces the sightings and search terms of the customers just written. */
async function replaceDetails(
  trx: Trx,
  entries: readonly IndexEntry[],
  written: Map<string, number>,
  existed: (id: string) => boolean,
): Promise<void> {
  const replaced = [...written].filter(([id]) => existed(id)).map(([, key]) => key);
  if (replaced.length > 0) {
    await trx.deleteFrom("indexed_sightings").where("customer_key", "in", replaced).execute();
    await trx.deleteFrom("indexed_customer_terms").where("customer_key", "in", replaced).execute();
  }
  const sightings: IndexedSightingsTable[] = [];
  const terms: { term: string; customer_key: number }[] = [];
  for (const entry of entries) {
    const key = written.get(entry.row.id);
    if (key === undefined) continue;
    for (const sighting of entry.sightings) sightings.push({ ...sighting, customer_key: key });
    for (const term of entry.terms) terms.push({ term, customer_key: key });
  }
  for (const batch of batches(sightings, 2_000)) {
    await trx
      .insertInto("indexed_sightings")
      .values(batch)
      // A lead is one customer's; should the API ever move one, it goes where it was last seen.
      .onConflict((conflict) =>
        conflict.column("lead_id").doUpdateSet((eb) => ({
          customer_key: eb.ref("excluded.customer_key"),
          at: eb.ref("excluded.at"),
          listing_url: eb.ref("excluded.listing_url"),
          listing_title: eb.ref("excluded.listing_title"),
          listing_price: eb.ref("excluded.listing_price"),
          seller_type: eb.ref("excluded.seller_type"),
        })),
      )
      .execute();
  }
  for (const batch of batches(terms, 5_000)) {
    await trx.insertInto("indexed_customer_terms").values(batch).execute();
  }
}

export interface IndexPage {
  region: Region;
  /** The pass reading the page: every customer on it counts as read by that pass. */
  pass: number;
  customers: readonly Customer[];
  /** Records on the page that can't be read: their last readable version stays, counted as read. */
  unreadableIds?: readonly string[];
  /** When walking one upload's customers: each is tagged with it. */
  uploadId?: string;
}

/**
 * Writes one page of the API's customers: new and changed ones with their
 * sightings and search terms, and every customer on it marked as read by the
 * pass. Customers deleted through the dashboard stay deleted.
 */
export async function writeIndexPage(page: IndexPage, now = new Date()): Promise<void> {
  const { region, pass } = page;
  const ids = [...page.customers.map((customer) => customer.id), ...(page.unreadableIds ?? [])];
  if (ids.length === 0) return;
  await (await database()).transaction().execute(async (trx) => {
    const deleted = new Set(
      (
        await trx
          .selectFrom("indexed_customer_deletions")
          .select("id")
          .where("region", "=", region)
          .where("id", "in", ids)
          .execute()
      ).map(({ id }) => id),
    );
    const indexed = new Map(
      (
        await trx
          .selectFrom("indexed_customers")
          .select(["id", "fingerprint", "last_updated"])
          .where("region", "=", region)
          .where("id", "in", ids)
          .execute()
      ).map((row) => [row.id, row]),
    );
    const changed: IndexEntry[] = [];
    for (const customer of page.customers) {
      if (deleted.has(customer.id)) continue;
      const before = indexed.get(customer.id);
      if (before && customer.last_updated < before.last_updated) continue;
      const entry = indexEntry(customer);
      if (before?.fingerprint !== entry.row.fingerprint) changed.push(entry);
    }
    const written = await upsertCustomers(trx, region, changed, now.toISOString(), pass);
    await replaceDetails(trx, changed, written, (id) => indexed.has(id));

    const present = ids.filter((id) => !deleted.has(id));
    const notWritten = present.filter((id) => !written.has(id));
    if (notWritten.length > 0) {
      await trx
        .updateTable("indexed_customers")
        .set({ seen_pass: pass })
        .where("region", "=", region)
        .where("id", "in", notWritten)
        .execute();
    }
    if (page.uploadId && present.length > 0) {
      await trx
        .updateTable("indexed_customers")
        .set({ upload_id: page.uploadId, upload_pass: pass })
        .where("region", "=", region)
        .where("id", "in", present)
        .execute();
    }
  });
}

/** Which of `ids` the pass has already read: the walk's check that it hasn't skipped past any. */
export async function customersReadInPass(
  region: Region,
  pass: number,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await (
    await database()
  )
    .selectFrom("indexed_customers")
    .select("id")
    .where("region", "=", region)
    .where("seen_pass", "=", pass)
    .where("id", "in", ids)
    .execute();
  return new Set(rows.map(({ id }) => id));
}

/** The same for one upload's walk: customers it has already tagged. */
export async function customersTaggedInPass(
  region: Region,
  pass: number,
  uploadId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await (
    await database()
  )
    .selectFrom("indexed_customers")
    .select("id")
    .where("region", "=", region)
    .where("upload_id", "=", uploadId)
    .where("upload_pass", "=", pass)
    .where("id", "in", ids)
    .execute();
  return new Set(rows.map(({ id }) => id));
}

/**
 * The end of a complete pass: customers it didn't read are gone upstream and
 * leave the index, unless written through since the pass started (a customer
 * created meanwhile). Deletions it has seen through are forgotten. Returns how
 * many customers left.
 */
export async function removeCustomersNotRead(
  region: Region,
  pass: number,
  passStartedAt: string,
): Promise<number> {
  return (await database()).transaction().execute(async (trx) => {
    const gone = (eb: Trx) =>
      eb
        .selectFrom("indexed_customers")
        .select("key")
        .where("region", "=", region)
        .where("seen_pass", "<", pass)
        .where("indexed_at", "<", passStartedAt);
    await trx.deleteFrom("indexed_sightings").where("customer_key", "in", gone(trx)).execute();
    await trx.deleteFrom("indexed_customer_terms").where("customer_key", "in", gone(trx)).execute();
    const removed = await trx
      .deleteFrom("indexed_customers")
      .where("region", "=", region)
      .where("seen_pass", "<", pass)
      .where("indexed_at", "<", passStartedAt)
      .executeTakeFirst();
    await trx
      .deleteFrom("indexed_customer_deletions")
      .where("region", "=", region)
      .where("deleted_at", "<", passStartedAt)
      .execute();
    return Number(removed.numDeletedRows);
  });
}

/** A customer created, edited or read through the dashboard: in the index at once. */
export async function indexCustomer(region: Region, customer: Customer, now = new Date()): Promise<void> {
  await (await database()).transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("indexed_customers")
      .select("id")
      .where("region", "=", region)
      .where("id", "=", customer.id)
      .executeTakeFirst();
    const entry = indexEntry(customer);
    const written = await upsertCustomers(trx, region, [entry], now.toISOString());
    await replaceDetails(trx, [entry], written, () => before !== undefined);
  });
}

/** A customer deleted through the dashboard: out of the index at once, and kept out. */
export async function removeIndexedCustomer(
  region: Region,
  customerId: string,
  now = new Date(),
): Promise<void> {
  await (await database()).transaction().execute(async (trx) => {
    const keys = trx
      .selectFrom("indexed_customers")
      .select("key")
      .where("region", "=", region)
      .where("id", "=", customerId);
    await trx.deleteFrom("indexed_sightings").where("customer_key", "in", keys).execute();
    await trx.deleteFrom("indexed_customer_terms").where("customer_key", "in", keys).execute();
    await trx
      .deleteFrom("indexed_customers")
      .where("region", "=", region)
      .where("id", "=", customerId)
      .execute();
    await trx
      .insertInto("indexed_customer_deletions")
      .values({ region, id: customerId, deleted_at: now.toISOString() })
      .onConflict((conflict) =>
        conflict.columns(["region", "id"]).doUpdateSet({ deleted_at: now.toISOString() }),
      )
      .execute();
  });
}
