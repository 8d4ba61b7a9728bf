import "server-only";
import type { Insertable, Kysely } from "kysely";
import { firstSighting, HISTORY_DISMISSAL } from "@/lib/leads/lead-history";
import { leadChanges, type KnownLead, type SightedCustomer } from "@/lib/leads/sighting-changes";
import type { Region } from "@/lib/recapture/regions";
import { IN_LIST_CHUNK, inChunks } from "./in-list";
import type { LeadEventsTable, LeadPricesTable, Tables } from "./schema";

/**
 * The sync's side of leads (migrations/leads.ts): what a read of customers
 * from the API means for their leads, applied set-based, a page at a time,
 * inside the transaction that writes the page to the customer index, so the
 * index and the leads never disagree.
 */

/** What a read changed, by lead key: for the notifications that follow it. */
export interface RecordedSightings {
  added: number[];
  priceChanges: { key: number; from: number | null; to: number }[];
  delisted: number[];
  relisted: number[];
}

/** Rows per INSERT: 500 rows of a dozen values stay well under either engine's limit of bound values. */
const ROWS_PER_STATEMENT = IN_LIST_CHUNK;

/** Runs `work` on each chunk of `values` in turn: inserts and updates too big for one statement. */
async function eachChunk<T>(values: readonly T[], work: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < values.length; start += ROWS_PER_STATEMENT)
    await work(values.slice(start, start + ROWS_PER_STATEMENT));
}

/** The leads already known for these customers or with these lead ids (a lead may have moved customer). */
async function knownLeads(
  db: Kysely<Tables>,
  region: Region,
  customerIds: readonly string[],
  leadIds: readonly string[],
): Promise<KnownLead[]> {
  const select = () =>
    db
      .selectFrom("leads")
      .select([
        "key",
        "lead_id",
        "customer_id",
        "price",
        "no_longer_listed_at",
        "listing_url",
        "listing_title",
        "seller_type",
      ])
      .where("region", "=", region);
  const rows = [
    ...(await inChunks(customerIds, (chunk) => select().where("customer_id", "in", chunk).execute())),
    ...(await inChunks(leadIds, (chunk) => select().where("lead_id", "in", chunk).execute())),
  ];
  const byKey = new Map(
    rows.map((row) => [
      row.key,
      {
        key: row.key,
        leadId: row.lead_id,
        customerId: row.customer_id,
        price: row.price,
        listed: row.no_longer_listed_at === null,
        listingUrl: row.listing_url,
        listingTitle: row.listing_title,
        sellerType: row.seller_type,
      } satisfies KnownLead,
    ]),
  );
  return [...byKey.values()];
}

/**
 * Whether the dashboard is still meeting the region's history: no pass of the
 * customer index has read the whole list yet (customer_sync.complete_pass).
 */
async function meetingHistory(db: Kysely<Tables>, region: Region): Promise<boolean> {
  const sync = await db
    .selectFrom("customer_sync")
    .select("complete_pass")
    .where("region", "=", region)
    .executeTakeFirst();
  return sync?.complete_pass == null;
}

/**
 * Records what these customers' sightings, just read from the API, say about
 * their leads: a lead id never seen is a new lead (its first price, a `seen`
 * event; first seen now and New, or, while the dashboard is meeting the
 * dealership's history, as lib/leads/lead-history.ts decides); a known lead
 * at another price gets the price and a `price_change` event; a listed lead of one of these customers that is no
 * longer among its sightings is no longer listed (`delisted`), and one that
 * comes back is listed again (`relisted`, status untouched). Every lead found
 * is seen now. Pass every customer the page read (not only those whose record
 * changed): a customer not passed keeps its leads as they are.
 */
export async function recordLeadSightings(
  db: Kysely<Tables>,
  region: Region,
  customers: readonly SightedCustomer[],
  now: Date,
): Promise<RecordedSightings> {
  const recorded: RecordedSightings = { added: [], priceChanges: [], delisted: [], relisted: [] };
  if (customers.length === 0) return recorded;
  const at = now.toISOString();
  const customerIds = [...new Set(customers.map(({ customerId }) => customerId))];
  const leadIds = [...new Set(customers.flatMap(({ sightings }) => sightings.map(({ lead_id }) => lead_id)))];
  const changes = leadChanges(customers, await knownLeads(db, region, customerIds, leadIds));
  const prices: Insertable<LeadPricesTable>[] = [];
  const events: Insertable<LeadEventsTable>[] = [];
  const history = changes.added.length > 0 && (await meetingHistory(db, region));

  await eachChunk(changes.added, async (batch) => {
    const inserted = await db
      .insertInto("leads")
      .values(
        batch.map(({ customerId, sighting }) => {
          const first = firstSighting(sighting.at, now, history);
          return {
            region,
            lead_id: sighting.lead_id,
            customer_id: customerId,
            listed_at: sighting.at,
            first_seen_at: first.firstSeenAt,
            last_seen_at: at,
            listing_url: sighting.listing_url,
            listing_title: sighting.listing_title,
            seller_type: sighting.seller_type,
            first_price: sighting.listing_price,
            price: sighting.listing_price,
            status: first.status,
            // A lead dismissed as history was dismissed now; one left New has been New since first seen.
            status_changed_at: first.status === "new" ? first.firstSeenAt : at,
          };
        }),
      )
      // A write-through and a sync page may find the same new lead at once: the first records it.
      .onConflict((conflict) => conflict.columns(["region", "lead_id"]).doNothing())
      .returning(["key", "price", "first_seen_at", "status"])
      .execute();
    for (const { key, price, first_seen_at: seenAt, status } of inserted) {
      recorded.added.push(key);
      if (price !== null) prices.push({ lead_key: key, price, seen_at: seenAt });
      events.push({ lead_key: key, at: seenAt, kind: "seen", data: JSON.stringify({ price }) });
      if (status === "dismissed")
        events.push({ lead_key: key, at, kind: "status", data: JSON.stringify(HISTORY_DISMISSAL) });
    }
  });

  // Each update is conditional on the change not being recorded yet and returns the leads it changed, so a
  // write-through and a sync page reading the same change at once (PostgreSQL) record it once.
  const setListed = async (keys: number[], listed: boolean): Promise<number[]> => {
    const changed: number[] = [];
    await eachChunk(keys, async (chunk) => {
      const rows = await db
        .updateTable("leads")
        .set({ no_longer_listed_at: listed ? null : at })
        .where("key", "in", chunk)
        .where("no_longer_listed_at", listed ? "is not" : "is", null)
        .returning("key")
        .execute();
      changed.push(...rows.map(({ key }) => key));
    });
    for (const key of changed)
      events.push({ lead_key: key, at, kind: listed ? "relisted" : "delisted", data: null });
    return changed;
  };
  // Back on the market before any new price it came back at, so the history reads in that order.
  recorded.relisted = await setListed(changes.relisted, true);
  recorded.delisted = await setListed(changes.delisted, false);

  for (const change of changes.priceChanges) {
    const updated = await db
      .updateTable("leads")
      .set((eb) => ({
        price: change.to,
        first_price: eb.fn.coalesce("first_price", eb.val(change.to)),
        price_changed_at: at,
      }))
      .where("key", "=", change.key)
      .where((eb) => eb.or([eb("price", "is", null), eb("price", "<>", change.to)]))
      .returning("key")
      .executeTakeFirst();
    if (!updated) continue;
    recorded.priceChanges.push(change);
    prices.push({ lead_key: change.key, price: change.to, seen_at: at });
    events.push({
      lead_key: change.key,
      at,
      kind: "price_change",
      data: JSON.stringify({ from: change.from, to: change.to }),
    });
  }

  await eachChunk(changes.seen, (chunk) =>
    db.updateTable("leads").set({ last_seen_at: at }).where("key", "in", chunk).execute(),
  );
  for (const details of changes.detailsChanged)
    await db
      .updateTable("leads")
      .set({
        customer_id: details.customerId,
        listing_url: details.listingUrl,
        listing_title: details.listingTitle,
        seller_type: details.sellerType,
      })
      .where("key", "=", details.key)
      .execute();

  await eachChunk(prices, (chunk) => db.insertInto("lead_prices").values(chunk).execute());
  await eachChunk(events, (chunk) => db.insertInto("lead_events").values(chunk).execute());
  return recorded;
}
