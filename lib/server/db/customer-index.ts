import "server-only";
import { createHash } from "node:crypto";
import type { Insertable, Transaction } from "kysely";
import { normalisedRego, searchTermsOf } from "@/lib/customer-index/search-terms";
import type { Region } from "@/lib/recapture/regions";
import type { Customer } from "@/lib/recapture/schemas";
import { bulkInsert, type BulkColumn, type Engine } from "./bulk-insert";
import { dashboardDatabase, database } from "./index";
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
  row: Omit<Insertable<IndexedCustomersTable>, "region" | "seen_pass" | "indexed_at">;
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
const RECORD_COLUMNS: readonly BulkColumn[] = [
  ["rego", "text"],
  ["rego_normalised", "text"],
  ["state", "text"],
  ["vin", "text"],
  ["external_id", "text"],
  ["sale_date", "text"],
  ["monitor_start_date", "text"],
  ["monitor_end_date", "text"],
  ["vehicle_title", "text"],
  ["additional_fields", "text"],
  ["last_updated", "text"],
  ["sightings", "integer"],
  ["newest_sighting_at", "text"],
  ["newest_seller_type", "text"],
  ["fingerprint", "text"],
  ["indexed_at", "text"],
];
const CUSTOMER_COLUMNS: readonly BulkColumn[] = [
  ["region", "text"],
  ["id", "text"],
  ["seen_pass", "integer"],
  ...RECORD_COLUMNS,
];
const SIGHTING_COLUMNS: readonly BulkColumn[] = [
  ["lead_id", "text"],
  ["customer_key", "integer"],
  ["at", "text"],
  ["listing_url", "text"],
  ["listing_title", "text"],
  ["listing_price", "double precision"],
  ["seller_type", "text"],
];

/**
 * A record is replaced only when it differs and is not older than the one
 * indexed, so a page read before an edit that was written through can't undo it.
 */
function customerUpsert(markRead: boolean): string {
  const replaced = [...RECORD_COLUMNS, ...(markRead ? [["seen_pass"] as const] : [])]
    .map(([name]) => `${name} = excluded.${name}`)
    .join(", ");
  return `ON CONFLICT (region, id) DO UPDATE SET ${replaced}
    WHERE excluded.fingerprint <> indexed_customers.fingerprint
      AND excluded.last_updated >= indexed_customers.last_updated
    RETURNING id, key`;
}

// A lead is one customer's; should the API ever move one, it goes where it was last seen.
const SIGHTING_UPSERT = `ON CONFLICT (lead_id) DO UPDATE SET ${SIGHTING_COLUMNS.slice(1)
  .map(([name]) => `${name} = excluded.${name}`)
  .join(", ")}`;

/**
 * Inserts or replaces customers and returns the key of each one written.
 * `seenPass` marks them read by that pass; without one (a write-through) a
 * new row has pass 0 and an existing row keeps its mark.
 */
async function upsertCustomers(
  trx: Trx,
  engine: Engine,
  region: Region,
  entries: readonly IndexEntry[],
  indexedAt: string,
  seenPass?: number,
): Promise<Map<string, number>> {
  const rows = entries.map(({ row }) => [
    region,
    row.id,
    seenPass ?? 0,
    ...RECORD_COLUMNS.map(([name]) => (name === "indexed_at" ? indexedAt : row[name as keyof typeof row])),
  ]);
  const written = await bulkInsert<{ id: string; key: number }>(
    trx,
    engine,
    "indexed_customers",
    CUSTOMER_COLUMNS,
    rows,
    customerUpsert(seenPass !== undefined),
  );
  return new Map(written.map(({ id, key }) => [id, key]));
}

/** Replaces the sightings and search terms of the customers just written. */
async function replaceDetails(
  trx: Trx,
  engine: Engine,
  entries: readonly IndexEntry[],
  written: Map<string, number>,
  existed: (id: string) => boolean,
): Promise<void> {
  const replaced = [...written].filter(([id]) => existed(id)).map(([, key]) => key);
  if (replaced.length > 0) {
    await trx.deleteFrom("indexed_sightings").where("customer_key", "in", replaced).execute();
    await trx.deleteFrom("indexed_customer_terms").where("customer_key", "in", replaced).execute();
  }
  const sightings: unknown[][] = [];
  const terms: unknown[][] = [];
  for (const entry of entries) {
    const key = written.get(entry.row.id);
    if (key === undefined) continue;
    for (const sighting of entry.sightings)
      sightings.push([
        sighting.lead_id,
        key,
        sighting.at,
        sighting.listing_url,
        sighting.listing_title,
        sighting.listing_price,
        sighting.seller_type,
      ]);
    for (const term of entry.terms) terms.push([term, key]);
  }
  await bulkInsert(trx, engine, "indexed_sightings", SIGHTING_COLUMNS, sightings, SIGHTING_UPSERT);
  await bulkInsert(trx, engine, "indexed_customer_terms", TERM_COLUMNS, terms);
}

const TERM_COLUMNS: readonly BulkColumn[] = [
  ["term", "text"],
  ["customer_key", "integer"],
];

export interface IndexPage {
  region: Region;
  /** The pass reading the page: every customer on it counts as read by that pass. */
  pass: number;
  customers: readonly Customer[];
  /** Records on the page that can't be read: their last readable version stays, counted as read. */
  unreadableIds?: readonly string[];
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
  const { engine, kysely } = await dashboardDatabase();
  await kysely.transaction().execute(async (trx) => {
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
    const written = await upsertCustomers(trx, engine, region, changed, now.toISOString(), pass);
    await replaceDetails(trx, engine, changed, written, (id) => indexed.has(id));

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
  });
}

/** Files the page's customers that are in the index under the upload; returns how many. */
async function fileUnderUpload(
  page: IndexPage & { uploadId: string },
  ids: readonly string[],
): Promise<number> {
  const filed = await (
    await database()
  )
    .insertInto("indexed_upload_customers")
    .columns(["upload_id", "customer_key", "pass"])
    .expression((eb) =>
      eb
        .selectFrom("indexed_customers")
        .select([eb.val(page.uploadId).as("upload_id"), "key", eb.val(page.pass).as("pass")])
        .where("region", "=", page.region)
        .where("id", "in", ids),
    )
    .onConflict((conflict) =>
      conflict
        .columns(["upload_id", "customer_key"])
        .doUpdateSet((eb) => ({ pass: eb.ref("excluded.pass") })),
    )
    .executeTakeFirst();
  return Number(filed.numInsertedOrUpdatedRows ?? 0);
}

/**
 * A page of one upload's customers, read after the whole list: each is filed
 * under the upload. Those not indexed yet (created since the walk read past
 * them) are written whole first.
 */
export async function tagIndexPage(page: IndexPage & { uploadId: string }, now = new Date()): Promise<void> {
  const ids = [...page.customers.map((customer) => customer.id), ...(page.unreadableIds ?? [])];
  if (ids.length === 0) return;
  if ((await fileUnderUpload(page, ids)) === ids.length) return;
  await writeIndexPage(page, now);
  await fileUnderUpload(page, ids);
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
    .innerJoin("indexed_upload_customers", "indexed_upload_customers.customer_key", "indexed_customers.key")
    .select("indexed_customers.id")
    .where("indexed_customers.region", "=", region)
    .where("indexed_upload_customers.upload_id", "=", uploadId)
    .where("indexed_upload_customers.pass", "=", pass)
    .where("indexed_customers.id", "in", ids)
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
    await trx.deleteFrom("indexed_upload_customers").where("customer_key", "in", gone(trx)).execute();
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
  const { engine, kysely } = await dashboardDatabase();
  await kysely.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("indexed_customers")
      .select("id")
      .where("region", "=", region)
      .where("id", "=", customer.id)
      .executeTakeFirst();
    const entry = indexEntry(customer);
    const written = await upsertCustomers(trx, engine, region, [entry], now.toISOString());
    await replaceDetails(trx, engine, [entry], written, () => before !== undefined);
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
    await trx.deleteFrom("indexed_upload_customers").where("customer_key", "in", keys).execute();
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
