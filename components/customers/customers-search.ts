import type { TablePage } from "@/components/data-table/table-page";
import {
  customerIndexSearchString,
  defaultDirection,
  parseCustomerIndexSearch,
  type CustomerIndexSearch,
} from "@/lib/customer-index/query-params";
import type { IndexSort } from "@/lib/customer-index/query";
import type { CustomerListParams } from "@/lib/queries/customers";

/**
 * The customers table's state is a question to the customer index, kept in
 * its URL in the one query-string form (lib/customer-index/query-params.ts).
 * Before the index's first complete pass the table pages the API live, and
 * only the upload and the page of that state apply.
 */

/** Every customer, in the default order: the plain /customers link. */
export const ALL_CUSTOMERS: CustomerIndexSearch = parseCustomerIndexSearch(new URLSearchParams());

/** The table page a customer was opened from, to go back to after a delete. */
export function customersHref(search: CustomerIndexSearch): string {
  return `/customers${customerIndexSearchString(search)}`;
}

export function customerHref(customerId: string, from: CustomerIndexSearch): string {
  return `/customers/${encodeURIComponent(customerId)}${customerIndexSearchString(from)}`;
}

/** The filters a person can set, besides the search: each narrows the list. */
export type CustomerFilters = Pick<
  CustomerIndexSearch,
  "hasSightings" | "sightingWithinDays" | "state" | "uploadId" | "sellerType" | "monitoring"
>;

/** A new search or filter starts at page 1: the page people were on may not exist in the new list. */
export function narrowedTo(
  search: CustomerIndexSearch,
  change: Partial<CustomerFilters> & Pick<Partial<CustomerIndexSearch>, "search">,
): CustomerIndexSearch {
  return { ...search, ...change, page: 1 };
}

/** "Clear filters": every customer again, in the same order and page size. */
export function withoutFilters({ sort, direction, pageSize }: CustomerIndexSearch): CustomerIndexSearch {
  return { sort, direction, pageSize, page: 1 };
}

/** A column header clicked: the sorted column flips its direction, another starts in its own default one. */
export function sortedBy(search: CustomerIndexSearch, sort: IndexSort): CustomerIndexSearch {
  const direction =
    search.sort === sort ? (search.direction === "asc" ? "desc" : "asc") : defaultDirection(sort);
  return { ...search, sort, direction, page: 1 };
}

export function toTablePage({ page, pageSize }: CustomerIndexSearch): TablePage {
  return { page, size: pageSize };
}

/** The live API's page for the fallback before the index is ready: it pages by offset and upload only. */
export function toListParams({ page, pageSize, uploadId }: CustomerIndexSearch): CustomerListParams {
  return { offset: (page - 1) * pageSize, limit: pageSize, ...(uploadId ? { uploadId } : {}) };
}

/** How each sort reads in each direction, for the column header's announcement. */
const SORT_WORDS: Record<IndexSort, { name: string; asc: string; desc: string }> = {
  newest_sighting: { name: "newest sighting", asc: "oldest first", desc: "newest first" },
  sale_date: { name: "sale date", asc: "earliest first", desc: "latest first" },
  rego: { name: "rego", asc: "A to Z", desc: "Z to A" },
  last_updated: { name: "last updated", asc: "least recent first", desc: "most recent first" },
};

/** "Sorted by newest sighting, newest first": said when the order changes. */
export function sortAnnouncement({ sort, direction }: CustomerIndexSearch): string {
  const words = SORT_WORDS[sort];
  return `Sorted by ${words.name}, ${words[direction]}`;
}

/** The `aria-sort` of a sortable column's header. */
export function ariaSortOf(
  search: CustomerIndexSearch,
  sort: IndexSort,
): "ascending" | "descending" | "none" {
  if (search.sort !== sort) return "none";
  return search.direction === "asc" ? "ascending" : "descending";
}
