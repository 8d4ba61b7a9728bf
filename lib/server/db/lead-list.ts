import "server-only";
import { sql, type ExpressionBuilder, type Kysely } from "kysely";
import { prefixRange, searchPrefixes } from "@/lib/customer-index/search-terms";
import { contactOf, type ContactFields } from "@/lib/leads/contact-fields";
import {
  LEAD_PAGE_SIZE,
  leadListQuerySchema,
  safeListingUrl,
  type LeadListEntry,
  type LeadListQuery,
  type LeadListResponse,
  type LeadSort,
} from "@/lib/leads/lead-list";
import { database } from "./index";
import { leadsWithCustomers } from "./leads-with-customers";
import type { LeadsTable, Tables } from "./schema";

/**
 * The leads inbox: one page of leads with their customers' details from the
 * customer index, filtered and sorted, and the filtered total. A lead keeps
 * what it knows when its customer has left the index (a left join). The
 * default order, newest first, is read off an index of the leads migration
 * and stops at the page's end; the page's keys are found first and its rows
 * joined after, so leads skipped to reach a later page are never joined (nor
 * counted ones: the filters on the customer ask for the lead's customer).
 */

const DAY_MS = 24 * 60 * 60 * 1000;

type Inbox = ExpressionBuilder<Tables & { l: LeadsTable }, "l">;

/** Who is asking: "mine" is their leads. */
export interface LeadListAsker {
  userId: number;
}

/** `%text%` for LIKE, with the text's own wildcards taken literally (escaped with a backslash). */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (wildcard) => `\\${wildcard}`)}%`;
}

/**
 * The leads a search finds, as a set of keys: those whose customer has a term starting with it in the index
 * (rego, VIN, name, phone…), those whose listing's title contains it, and the one with it as its lead id.
 * Each part is read by its own index (the title by one pass over the leads), not lead by lead. Each prefix
 * is a range of its own in the union: SQLite reads an OR of ranges as a scan of every term in the region.
 */
function searchOf(query: LeadListQuery, search: string, eb: Inbox) {
  const byTitle = eb
    .selectFrom("leads as tl")
    .select("tl.key")
    .where("tl.region", "=", query.region)
    .where(sql<boolean>`lower(tl.listing_title) LIKE ${containsPattern(search.trim())} ESCAPE '\\'`);
  const byLeadId = eb
    .selectFrom("leads as il")
    .select("il.key")
    .where("il.region", "=", query.region)
    .where("il.lead_id", "=", search.trim());
  const byCustomer = searchPrefixes(search).map((prefix) => {
    const { from, to } = prefixRange(prefix);
    return eb
      .selectFrom("indexed_customer_terms as t")
      .innerJoin("indexed_customers as tc", "tc.key", "t.customer_key")
      .innerJoin("leads as cl", (join) =>
        join.onRef("cl.region", "=", "tc.region").onRef("cl.customer_id", "=", "tc.id"),
      )
      .select("cl.key")
      .where("t.region", "=", query.region)
      .where("t.term", ">=", from)
      .where("t.term", "<", to);
  });
  return eb(
    "l.key",
    "in",
    byCustomer.reduce((found, part) => found.union(part), byTitle.union(byLeadId)),
  );
}

/**
 * The lead's customer, as indexed, has `value` in `column`. Asked of the customer itself rather than of a
 * join: the pages and totals join no customer otherwise, and SQLite would look each lead's up all the same.
 */
function customerWhose(eb: Inbox, column: "state" | "upload_id", value: string) {
  return eb.exists(
    eb
      .selectFrom("indexed_customers as fc")
      .select("fc.key")
      .whereRef("fc.region", "=", "l.region")
      .whereRef("fc.id", "=", "l.customer_id")
      .where(`fc.${column}`, "=", value),
  );
}

/** The filters and search of `query`, as one condition on the lead. */
function matching(query: LeadListQuery, asker: LeadListAsker, now: Date) {
  return (eb: Inbox) => {
    const conditions = [eb("l.region", "=", query.region)];
    if (query.statuses?.length) conditions.push(eb("l.status", "in", query.statuses));
    if (query.assignee === "nobody") conditions.push(eb("l.assignee_user_id", "is", null));
    else if (query.assignee !== undefined)
      conditions.push(
        eb("l.assignee_user_id", "=", query.assignee === "mine" ? asker.userId : query.assignee),
      );
    if (query.seenWithinDays !== undefined)
      conditions.push(
        eb("l.first_seen_at", ">=", new Date(now.getTime() - query.seenWithinDays * DAY_MS).toISOString()),
      );
    if (query.seenBeforeHours !== undefined)
      conditions.push(
        eb(
          "l.first_seen_at",
          "<",
          new Date(now.getTime() - query.seenBeforeHours * 60 * 60 * 1000).toISOString(),
        ),
      );
    if (query.type === "new_listing")
      conditions.push(eb("l.no_longer_listed_at", "is", null), eb("l.price_changed_at", "is", null));
    if (query.type === "price_drop")
      conditions.push(eb("l.no_longer_listed_at", "is", null), eb("l.price", "<", eb.ref("l.first_price")));
    if (query.type === "no_longer_listed") conditions.push(eb("l.no_longer_listed_at", "is not", null));
    if (query.sellerType) conditions.push(eb("l.seller_type", "=", query.sellerType));
    if (query.priceMin !== undefined) conditions.push(eb("l.price", ">=", query.priceMin));
    if (query.priceMax !== undefined) conditions.push(eb("l.price", "<=", query.priceMax));
    if (query.state) conditions.push(customerWhose(eb, "state", query.state.trim().toUpperCase()));
    if (query.uploadId) conditions.push(customerWhose(eb, "upload_id", query.uploadId));
    if (query.search?.trim()) conditions.push(searchOf(query, query.search, eb));
    return eb.and(conditions);
  };
}

/**
 * What each sort orders by. Days listed counts from when the market listed it, so the longest listed
 * has the earliest `listed_at`: its directions are the other way round.
 */
function orderOf(sort: LeadSort) {
  switch (sort) {
    case "first_seen":
      return { by: sql`l.first_seen_at`, reversed: false, nullable: false };
    case "price":
      return { by: sql`l.price`, reversed: false, nullable: true };
    case "price_change":
      return { by: sql`l.price - l.first_price`, reversed: false, nullable: true };
    case "days_listed":
      return { by: sql`l.listed_at`, reversed: true, nullable: false };
  }
}

/** One page of the inbox and the filtered total. `contact` says which additional fields hold name and phone. */
export async function listLeads(
  question: LeadListQuery,
  asker: LeadListAsker,
  contact: ContactFields,
  now = new Date(),
): Promise<LeadListResponse> {
  const query = leadListQuerySchema.parse(question);
  const db = await database();
  const where = matching(query, asker, now);

  const { by, reversed, nullable } = orderOf(query.sort);
  const ascending = (query.direction === "asc") !== reversed;
  const counted = () =>
    db
      .selectFrom("leads as l")
      .select((eb) => eb.fn.countAll<number>().as("total"))
      .where(where)
      .executeTakeFirstOrThrow()
      .then(({ total }) => Number(total));
  // Leads without a price (or a first price) come last whichever way the list is sorted. Times are never
  // null, and saying so would keep PostgreSQL from reading the newest first off the index backwards.
  const pageKeys = db
    .selectFrom("leads as l")
    .select("l.key")
    .where(where)
    .orderBy(by, (order) => {
      const ordered = ascending ? order.asc() : order.desc();
      return nullable ? ordered.nullsLast() : ordered;
    })
    .orderBy("l.key", ascending ? "asc" : "desc")
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);

  let total: number;
  let keys: { key: number }[];
  if (query.search?.trim()) {
    // Finding a search's leads is most of its cost, so they are found once, for the page and the total
    // alike (counted beside each row). A page past the end has no row to carry it: counted on its own.
    const rows = await pageKeys.select(sql<number>`count(*) over ()`.as("total")).execute();
    keys = rows;
    total = rows.length > 0 ? Number(rows[0]!.total) : query.page > 1 ? await counted() : 0;
  } else {
    // The total and the page's keys at once: PostgreSQL answers them on two connections.
    [total, keys] = await Promise.all([counted(), pageKeys.execute()]);
  }
  if (keys.length === 0) return { total, leads: [] };
  return { total, leads: await entriesOf(db, keys, contact) };
}

/** The inbox's rows of `keys`, in their order, with what the customer index knows of each one's customer. */
async function entriesOf(
  db: Kysely<Tables>,
  keys: readonly { key: number }[],
  contact: ContactFields,
): Promise<LeadListEntry[]> {
  const rows = await leadsWithCustomers(db)
    .leftJoin("users as u", "u.id", "l.assignee_user_id")
    .select([
      "l.key",
      "l.lead_id",
      "l.customer_id",
      "l.first_seen_at",
      "l.listed_at",
      "l.no_longer_listed_at",
      "l.listing_url",
      "l.listing_title",
      "l.seller_type",
      "l.price",
      "l.first_price",
      "l.status",
      "l.assignee_user_id",
      "c.key as customer_key",
      "c.rego",
      "c.state",
      "c.vehicle_title",
      "c.additional_fields",
      "u.name as assignee_name",
      "u.email as assignee_email",
    ])
    .where(
      "l.key",
      "in",
      keys.map(({ key }) => key),
    )
    .execute();
  const byKey = new Map(rows.map((row) => [row.key, row]));
  return keys.map(({ key }): LeadListEntry => {
    const row = byKey.get(key)!;
    const indexed = row.customer_key !== null;
    const fields = row.additional_fields
      ? (JSON.parse(row.additional_fields) as Record<string, unknown>)
      : null;
    return {
      key: row.key,
      leadId: row.lead_id,
      firstSeenAt: row.first_seen_at,
      listedAt: row.listed_at,
      noLongerListedAt: row.no_longer_listed_at,
      listingUrl: safeListingUrl(row.listing_url),
      listingTitle: row.listing_title,
      sellerType: row.seller_type,
      price: row.price,
      firstPrice: row.first_price,
      status: row.status,
      assignee:
        row.assignee_user_id === null
          ? null
          : { id: row.assignee_user_id, name: row.assignee_name ?? row.assignee_email ?? "Someone" },
      customer: {
        id: row.customer_id,
        indexed,
        rego: row.rego,
        state: row.state,
        vehicleTitle: row.vehicle_title,
        ...contactOf(fields, contact),
      },
    };
  });
}

export const LEAD_WALK_CHUNK = 1_000;

/**
 * Every lead matching a question (its page aside), in the order listLeads pages them, a chunk
 * at a time (for the export). Each chunk starts after the last row of the one before, by
 * (sort value, key), so the 30th chunk costs what the first did where an OFFSET would count
 * past every lead before it. Leads without a price sit after the rest whichever the direction
 * and compare as nothing, so they are read as a phase of their own, by key.
 */
export async function* walkLeads(
  question: Omit<LeadListQuery, "page" | "pageSize">,
  asker: LeadListAsker,
  contact: ContactFields,
  { now = new Date(), chunkSize = LEAD_WALK_CHUNK }: { now?: Date; chunkSize?: number } = {},
): AsyncGenerator<LeadListEntry[]> {
  const query = leadListQuerySchema.parse({ ...question, page: 1, pageSize: LEAD_PAGE_SIZE.max });
  const db = await database();
  const where = matching(query, asker, now);
  const { by, reversed, nullable } = orderOf(query.sort);
  const ascending = (query.direction === "asc") !== reversed;
  const after = sql.raw(ascending ? ">" : "<");
  const phases = nullable ? (["valued", "empty"] as const) : (["valued"] as const);

  for (const phase of phases) {
    let last: { value: unknown; key: number } | undefined;
    for (;;) {
      const position = last;
      const inPhase =
        phase === "empty"
          ? sql<boolean>`${by} IS NULL${position ? sql` AND l.key ${after} ${position.key}` : sql``}`
          : position
            ? sql<boolean>`(${by}, l.key) ${after} (${position.value}, ${position.key})`
            : nullable
              ? sql<boolean>`${by} IS NOT NULL`
              : undefined;
      const keys = await db
        .selectFrom("leads as l")
        .select(["l.key", sql<unknown>`${by}`.as("sort_value")])
        .where(where)
        .$if(inPhase !== undefined, (rows) => rows.where(inPhase!))
        .orderBy(by, ascending ? "asc" : "desc")
        .orderBy("l.key", ascending ? "asc" : "desc")
        .limit(chunkSize)
        .execute();
      if (keys.length === 0) break;
      const end = keys[keys.length - 1]!;
      last = { value: end.sort_value, key: end.key };
      yield await entriesOf(db, keys, contact);
      if (keys.length < chunkSize) break;
    }
  }
}
