import "server-only";
import { expressionBuilder, type ExpressionBuilder, type Selectable, type SelectQueryBuilder } from "kysely";
import {
  indexedCustomersQuerySchema,
  type IndexedCustomersQuery,
  type IndexSort,
} from "@/lib/customer-index/query";
import { prefixRange, searchPrefixes } from "@/lib/customer-index/search-terms";
import type { Region } from "@/lib/recapture/regions";
import type { Customer } from "@/lib/recapture/schemas";
import { database } from "./index";
import type {
  IndexedCustomersTable,
  IndexedCustomerTermsTable,
  IndexedSightingsTable,
  Tables,
} from "./schema";

/**
 * Questions the Recapture API can't answer (search, filters, sorting), asked
 * of the customer index. Every sort has an index of its own (region, column,
 * key) whose empty values come first, read forwards for ascending and
 * backwards for descending, so customers without a value come last when the
 * newest come first, and a page is found without sorting the whole list.
 */

export const SORT_COLUMNS = {
  newest_sighting: "c.newest_sighting_at",
  sale_date: "c.sale_date",
  rego: "c.rego_normalised",
  last_updated: "c.last_updated",
} as const satisfies Record<IndexSort, string>;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface IndexedCustomersPage {
  /** Customers matching the search and filters, on every page. */
  total: number;
  customers: Customer[];
}

/** The question without its page: what the search and the export's walk share. */
export type IndexedCustomersQuestion = Omit<IndexedCustomersQuery, "page" | "pageSize">;

type Filterable = ExpressionBuilder<Tables & { c: IndexedCustomersTable }, "c">;
type CustomersFrom = Tables & { c: IndexedCustomersTable };

/** Terms in `region` starting with any of the search's prefixes. */
function termsMatching(
  eb: ExpressionBuilder<Tables & { t: IndexedCustomerTermsTable }, "t">,
  region: Region,
  prefixes: string[],
) {
  return eb.and([
    eb("t.region", "=", region),
    eb.or(
      prefixes.map((prefix) => {
        const { from, to } = prefixRange(prefix);
        return eb.and([eb("t.term", ">=", from), eb("t.term", "<", to)]);
      }),
    ),
  ]);
}

/** The filters of `query` besides the search, as conditions on `c`. */
function filtersOf(query: IndexedCustomersQuestion, now: Date, eb: Filterable) {
  const conditions = [];
  if (query.hasSightings !== undefined)
    conditions.push(eb("c.newest_sighting_at", query.hasSightings ? "is not" : "is", null));
  if (query.sightingWithinDays !== undefined) {
    const since = new Date(now.getTime() - query.sightingWithinDays * DAY_MS).toISOString();
    conditions.push(eb("c.newest_sighting_at", ">=", since));
  }
  if (query.state) conditions.push(eb("c.state", "=", query.state.trim().toUpperCase()));
  if (query.uploadId) conditions.push(eb("c.upload_id", "=", query.uploadId));
  if (query.sellerType) conditions.push(eb("c.newest_seller_type", "=", query.sellerType));
  const at = now.toISOString();
  // As the API watches: from the start (or when added) through the end, both inclusive.
  if (query.monitoring === "now") {
    conditions.push(eb.or([eb("c.monitor_start_date", "is", null), eb("c.monitor_start_date", "<=", at)]));
    conditions.push(eb.or([eb("c.monitor_end_date", "is", null), eb("c.monitor_end_date", ">=", at)]));
  }
  if (query.monitoring === "ended") conditions.push(eb("c.monitor_end_date", "<", at));
  return conditions;
}

/** The search and filters of `query`, as one condition on `c`. */
export function matching(query: IndexedCustomersQuestion, prefixes: string[], now: Date) {
  return (eb: Filterable) => {
    const conditions = [eb("c.region", "=", query.region), ...filtersOf(query, now, eb)];
    if (prefixes.length > 0)
      conditions.push(
        eb(
          "c.key",
          "in",
          eb
            .selectFrom("indexed_customer_terms as t")
            .select("t.customer_key")
            .where((terms) => termsMatching(terms, query.region, prefixes)),
        ),
      );
    return eb.and(conditions);
  };
}

function toCustomer(
  row: Selectable<IndexedCustomersTable>,
  sightings: readonly Selectable<IndexedSightingsTable>[],
): Customer {
  return {
    id: row.id,
    last_updated: row.last_updated,
    rego: row.rego,
    state: row.state,
    vin: row.vin,
    external_id: row.external_id,
    sale_date: row.sale_date,
    monitor_start_date: row.monitor_start_date,
    monitor_end_date: row.monitor_end_date,
    vehicle_title: row.vehicle_title,
    sightings: sightings.map((sighting) => ({
      at: sighting.at,
      lead_id: sighting.lead_id,
      listing_url: sighting.listing_url,
      listing_title: sighting.listing_title,
      listing_price: sighting.listing_price,
      seller_type: sighting.seller_type,
    })),
    additional_fields: row.additional_fields === null ? null : JSON.parse(row.additional_fields),
  };
}

/** Rows in the question's order: its sort column (empty values last when newest first), then key. */
export function inSortOrder<O>(
  rows: SelectQueryBuilder<CustomersFrom, "c", O>,
  query: Pick<IndexedCustomersQuestion, "sort" | "direction">,
) {
  return rows
    .orderBy(SORT_COLUMNS[query.sort], (order) =>
      query.direction === "asc" ? order.asc().nullsFirst() : order.desc().nullsLast(),
    )
    .orderBy("c.key", query.direction);
}

/** Index rows as the API's customers, each with its sightings oldest first, read in one query. */
export async function withSightings(rows: readonly Selectable<IndexedCustomersTable>[]): Promise<Customer[]> {
  const sightings = new Map<number, Selectable<IndexedSightingsTable>[]>();
  if (rows.length > 0) {
    const found = await (
      await database()
    )
      .selectFrom("indexed_sightings")
      .selectAll()
      .where(
        "customer_key",
        "in",
        rows.map((row) => row.key),
      )
      .orderBy("customer_key")
      .orderBy("at")
      .execute();
    for (const sighting of found) {
      const list = sightings.get(sighting.customer_key) ?? [];
      list.push(sighting);
      sightings.set(sighting.customer_key, list);
    }
  }
  return rows.map((row) => toCustomer(row, sightings.get(row.key) ?? []));
}

/** One page of the index's customers, in the API's Customer shape with their sightings, and the filtered total. */
export async function searchIndexedCustomers(
  question: IndexedCustomersQuery,
  now = new Date(),
): Promise<IndexedCustomersPage> {
  const query = indexedCustomersQuerySchema.parse(question);
  const db = await database();
  const prefixes = query.search ? searchPrefixes(query.search) : [];
  const where = matching(query, prefixes, now);

  // A search alone is counted from its terms: a short prefix ("pr") can match a fifth of the customers,
  // and counting them without visiting each one is several times faster.
  const searchOnly =
    prefixes.length > 0 &&
    filtersOf(query, now, expressionBuilder<Tables & { c: IndexedCustomersTable }, "c">()).length === 0;
  const counted = searchOnly
    ? await db
        .selectFrom("indexed_customer_terms as t")
        .select((eb) => eb.fn.count<number>("t.customer_key").distinct().as("total"))
        .where((eb) => termsMatching(eb, query.region, prefixes))
        .executeTakeFirstOrThrow()
    : await db
        .selectFrom("indexed_customers as c")
        .select((eb) => eb.fn.countAll<number>().as("total"))
        .where(where)
        .executeTakeFirstOrThrow();
  // The page's keys first, then its rows: the customers skipped to reach a later page are counted off the
  // sort's index, without reading each one.
  const pageKeys = inSortOrder(db.selectFrom("indexed_customers as c").select("c.key").where(where), query)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const rows = await inSortOrder(
    db.selectFrom("indexed_customers as c").selectAll("c").where("c.key", "in", pageKeys),
    query,
  ).execute();

  return {
    total: Number(counted.total),
    customers: await withSightings(rows),
  };
}
