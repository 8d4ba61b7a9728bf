import "server-only";
import { createHash } from "node:crypto";
import { sql, type Insertable, type Transaction } from "kysely";
import { normalisedRego, searchTermsOf } from "@/lib/customer-index/search-terms";
import type { Region } from "@/lib/recapture/regions";
import type { Customer } from "@/lib/recapture/schemas";
import { bulkInsert, type BulkColumn, type Engine } from "./bulk-insert";
import { dashboardDatabase, database } from "./index";
import { rebuildableTransaction } from "./rebuildable-writes";
import { recordLeadSightings, type RecordedSightings } from "./leads";
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
  row: Omit<Insertable<IndexedCustomersTable>, "region" | "upload_id" | "upload_pass" | "indexed_at">;
  sightings: Omit<IndexedSightingsTable, "customer_key">[];
  terms: string[];
}

/** Of the API's whole record: sightings appear without last_updated changing. */
function fingerprintOf(customer: Customer): string {
  return createHash("sha1").update(JSON.stringify(customer)).digest("base64url");
}

function indexEntry(customer: Customer, fingerprint = fingerprintOf(customer)): IndexEntry {
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
      fingerprint,
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
const UPLOAD_COLUMNS: readonly BulkColumn[] = [
  ["upload_id", "text"],
  ["upload_pass", "integer"],
];
const CUSTOMER_COLUMNS: readonly BulkColumn[] = [
  ["region", "text"],
  ["id", "text"],
  ...UPLOAD_COLUMNS,
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

/** Set when customers are written from a walk of one upload's customers: each is tagged as found in it. */
type UploadTag = { uploadId: string; pass: number } | undefined;

/**
 * A record is replaced only when it differs and is not older than the one
 * indexed, so a page read before an edit that was written through can't undo it.
 */
function customerUpsert(tag: UploadTag): string {
  const replaced = [...RECORD_COLUMNS, ...(tag ? UPLOAD_COLUMNS : [])]
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

/** Inserts or replaces customers (tagged with an upload, if one is given) and returns the key of each written. */
async function upsertCustomers(
  trx: Trx,
  engine: Engine,
  region: Region,
  entries: readonly IndexEntry[],
  indexedAt: string,
  tag: UploadTag,
): Promise<Map<string, number>> {
  const rows = entries.map(({ row }) => [
    region,
    row.id,
    tag?.uploadId ?? null,
    tag?.pass ?? null,
    ...RECORD_COLUMNS.map(([name]) => (name === "indexed_at" ? indexedAt : row[name as keyof typeof row])),
  ]);
  const written = await bulkInsert<{ id: string; key: number }>(
    trx,
    engine,
    "indexed_customers",
    CUSTOMER_COLUMNS,
    rows,
    customerUpsert(tag),
  );
  return new Map(written.map(({ id, key }) => [id, key]));
}

const READ_COLUMNS: readonly BulkColumn[] = [
  ["customer_key", "integer"],
  ["pass", "integer"],
];

/** Marks customers as read by a pass's walk of the whole list: by key, or by id where the key isn't known. */
async function markRead(
  trx: Trx,
  engine: Engine,
  region: Region,
  pass: number,
  customers: { keys: readonly number[]; ids: readonly string[] },
): Promise<void> {
  const rows = [...customers.keys].sort((a, b) => a - b).map((key) => [key, pass]);
  await bulkInsert(
    trx,
    engine,
    "indexed_customer_reads",
    READ_COLUMNS,
    rows,
    "ON CONFLICT (customer_key) DO UPDATE SET pass = excluded.pass",
  );
  if (customers.ids.length === 0) return;
  await trx
    .insertInto("indexed_customer_reads")
    .columns(["customer_key", "pass"])
    .expression((eb) =>
      eb
        .selectFrom("indexed_customers")
        .select(["key", eb.val(pass).as("pass")])
        .where("region", "=", region)
        .where("id", "in", customers.ids),
    )
    .onConflict((conflict) => conflict.column("customer_key").doUpdateSet({ pass }))
    .execute();
}

/** Replaces the sightings and search terms of the customers just written. */
async function replaceDetails(
  trx: Trx,
  engine: Engine,
  region: Region,
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
    for (const term of entry.terms) terms.push([region, term, key]);
  }
  await bulkInsert(trx, engine, "indexed_sightings", SIGHTING_COLUMNS, sightings, SIGHTING_UPSERT);
  await bulkInsert(trx, engine, "indexed_customer_terms", TERM_COLUMNS, terms);
}

const TERM_COLUMNS: readonly BulkColumn[] = [
  ["region", "text"],
  ["term", "text"],
  ["customer_key", "integer"],
];

export interface IndexPage {
  region: Region;
  /** The pass reading the page. */
  pass: number;
  customers: readonly Customer[];
  /** Records on the page that can't be read: their last readable version stays, counted as read. */
  unreadableIds?: readonly string[];
  /** Set when the page is of one upload's customers: they are tagged as found in it, not marked as read. */
  uploadId?: string;
}

/**
 * Writes one page of the API's customers (or a few pages' worth, each
 * customer once): new and changed ones with their sightings and search terms,
 * and every customer on it marked as read by the pass (or tagged with the
 * upload). Customers deleted through the dashboard stay deleted. `now` is when
 * the page was read (so never after the next pass starts). The leads of every
 * customer read are brought up to date in the same transaction (new, price
 * changed, no longer listed). Returns how many customers the page added to
 * the index, and what happened to leads, for whoever tells people after.
 */
export async function writeIndexPage(
  page: IndexPage,
  now = new Date(),
): Promise<{ added: number; leads: RecordedSightings }> {
  const { region, pass } = page;
  const ids = [...page.customers.map((customer) => customer.id), ...(page.unreadableIds ?? [])];
  if (ids.length === 0) return { added: 0, leads: NO_LEAD_CHANGES };
  const database = await dashboardDatabase();
  return rebuildableTransaction(database, async (trx) => {
    const { indexed, deleted } = await indexedState(trx, region, ids);
    const changed: IndexEntry[] = [];
    const read: Customer[] = [];
    for (const customer of page.customers) {
      if (deleted.has(customer.id)) continue;
      const before = indexed.get(customer.id);
      if (before && customer.last_updated < before.last_updated) continue;
      read.push(customer);
      const fingerprint = fingerprintOf(customer);
      if (before?.fingerprint !== fingerprint) changed.push(indexEntry(customer, fingerprint));
    }
    const tag = page.uploadId ? { uploadId: page.uploadId, pass } : undefined;
    const written = await upsertCustomers(trx, database.engine, region, changed, now.toISOString(), tag);
    await replaceDetails(trx, database.engine, region, changed, written, (id) => indexed.has(id));

    // Unchanged, older than indexed, or a write-through got there first: present all the same.
    const notWritten = ids.filter((id) => !deleted.has(id) && !written.has(id));
    if (tag) {
      if (notWritten.length > 0)
        await trx
          .updateTable("indexed_customers")
          .set({ upload_id: tag.uploadId, upload_pass: pass })
          .where("region", "=", region)
          .where("id", "in", notWritten)
          .execute();
    } else {
      const known = notWritten.filter((id) => indexed.has(id));
      await markRead(trx, database.engine, region, pass, {
        keys: [...written.values(), ...known.map((id) => indexed.get(id)!.key)],
        // Indexed by a write-through since the page was looked up (PostgreSQL reads what others commit).
        ids: notWritten.filter((id) => !indexed.has(id)),
      });
    }
    // Every customer read, changed or not: a lead missing from its customer's sightings is no longer listed.
    const leads = await recordLeadSightings(trx, region, read.map(sightedCustomer), now);
    return { added: [...written.keys()].filter((id) => !indexed.has(id)).length, leads };
  });
}

const NO_LEAD_CHANGES: RecordedSightings = { added: [], priceChanges: [], delisted: [], relisted: [] };

const sightedCustomer = (customer: Customer) => ({ customerId: customer.id, sightings: customer.sightings });

/** What the index holds of a page's customers, and which of them were deleted through the dashboard: one query. */
async function indexedState(trx: Trx, region: Region, ids: readonly string[]) {
  const rows = await trx
    .selectFrom("indexed_customers")
    .select(["id", "key", "fingerprint", "last_updated", sql<number>`0`.as("deleted")])
    .where("region", "=", region)
    .where("id", "in", ids)
    .unionAll(
      trx
        .selectFrom("indexed_customer_deletions")
        .select([
          "id",
          sql<number>`0`.as("key"),
          sql<string>`''`.as("fingerprint"),
          sql<string>`''`.as("last_updated"),
          sql<number>`1`.as("deleted"),
        ])
        .where("region", "=", region)
        .where("id", "in", ids),
    )
    .execute();
  const indexed = new Map<string, { key: number; fingerprint: string; last_updated: string }>();
  const deleted = new Set<string>();
  for (const row of rows) {
    if (row.deleted) deleted.add(row.id);
    else indexed.set(row.id, row);
  }
  return { indexed, deleted };
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
    .innerJoin("indexed_customer_reads", "indexed_customer_reads.customer_key", "indexed_customers.key")
    .select("indexed_customers.id")
    .where("indexed_customers.region", "=", region)
    .where("indexed_customer_reads.pass", "=", pass)
    .where("indexed_customers.id", "in", ids)
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
    const gone = () =>
      trx
        .selectFrom("indexed_customers as c")
        .select("c.key")
        .where("c.region", "=", region)
        .where("c.indexed_at", "<", passStartedAt)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom("indexed_customer_reads as r")
                .select("r.pass")
                .whereRef("r.customer_key", "=", "c.key")
                .where("r.pass", "=", pass),
            ),
          ),
        );
    await trx.deleteFrom("indexed_sightings").where("customer_key", "in", gone()).execute();
    await trx.deleteFrom("indexed_customer_terms").where("customer_key", "in", gone()).execute();
    await trx.deleteFrom("indexed_customer_reads").where("customer_key", "in", gone()).execute();
    const removed = await trx.deleteFrom("indexed_customers").where("key", "in", gone()).executeTakeFirst();
    await trx
      .deleteFrom("indexed_customer_deletions")
      .where("region", "=", region)
      .where("deleted_at", "<", passStartedAt)
      .execute();
    return Number(removed.numDeletedRows);
  });
}

/** A customer created, edited or read through the dashboard: in the index at once. */
export async function indexCustomer(
  region: Region,
  customer: Customer,
  now = new Date(),
): Promise<RecordedSightings> {
  const { engine, kysely } = await dashboardDatabase();
  return kysely.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("indexed_customers")
      .select("id")
      .where("region", "=", region)
      .where("id", "=", customer.id)
      .executeTakeFirst();
    const entry = indexEntry(customer);
    const written = await upsertCustomers(trx, engine, region, [entry], now.toISOString(), undefined);
    await replaceDetails(trx, engine, region, [entry], written, () => before !== undefined);
    return recordLeadSightings(trx, region, [sightedCustomer(customer)], now);
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
    await trx.deleteFrom("indexed_customer_reads").where("customer_key", "in", keys).execute();
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
