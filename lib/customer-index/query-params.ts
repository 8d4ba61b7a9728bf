import { z } from "zod";
import type { PageSize } from "@/components/data-table/page-sizes";
import {
  optional,
  parseSortedPage,
  searchStringWith,
  stateSchema,
  withinDaysSchema,
  type ListOrder,
  type SearchSource,
  type SortDirection,
} from "@/lib/query-string";
import { uploadIdSchema } from "@/lib/recapture/schemas";
import {
  INDEX_SORTS,
  SEARCH_MAX_LENGTH,
  SIGHTING_WITHIN_DAYS,
  type IndexedCustomersQuery,
  type IndexSort,
} from "./query";

/**
 * A question to the customer index as a query string, the one form shared by
 * the customers page's URL, GET /api/customers and the export:
 * `?q=smith&sightings=yes&within=30&state=VIC&upload=<id>&seller=private&monitoring=now&sort=rego&dir=asc&page=2&size=100`.
 * Anything missing or malformed falls back to the default rather than failing,
 * so an old or hand-edited link still opens a sensible list; defaults are left
 * out when writing, so the plain link stays plain.
 */
export type CustomerIndexSearch = Omit<IndexedCustomersQuery, "region" | "pageSize"> & { pageSize: PageSize };

/**
 * Newest sighting first: the cars for sale now are the ones a dealership calls about. The issue
 * asks for it as a manager's default; there is no manager role yet (issue 16), so it is everyone's.
 */
export const DEFAULT_SORT = { sort: "newest_sighting", direction: "desc" } as const satisfies Pick<
  CustomerIndexSearch,
  "sort" | "direction"
>;

const withinSchema = withinDaysSchema(SIGHTING_WITHIN_DAYS);

export function parseCustomerIndexSearch(params: SearchSource): CustomerIndexSearch {
  const search = params.get("q")?.trim().slice(0, SEARCH_MAX_LENGTH);
  const sightings = params.get("sightings");
  const state = optional(stateSchema, params.get("state"));
  const within = optional(withinSchema, params.get("within"));
  const uploadId = optional(uploadIdSchema, params.get("upload"));
  const sellerType = optional(z.enum(["private", "dealer"]), params.get("seller"));
  const monitoring = optional(z.enum(["now", "ended"]), params.get("monitoring"));
  return {
    ...(search ? { search } : {}),
    ...(sightings === "yes" ? { hasSightings: true } : sightings === "no" ? { hasSightings: false } : {}),
    ...(within ? { sightingWithinDays: within } : {}),
    ...(state ? { state } : {}),
    ...(uploadId ? { uploadId } : {}),
    ...(sellerType ? { sellerType } : {}),
    ...(monitoring ? { monitoring } : {}),
    // A sort without a direction reads the way people expect it: newest, latest and Z last… first.
    ...parseSortedPage(params, INDEX_SORTS, INDEX_ORDER),
  };
}

/** The direction a column sorts in on its first click: dates newest first, regos A to Z. */
export function defaultDirection(sort: IndexSort): SortDirection {
  return sort === "rego" ? "asc" : "desc";
}

const INDEX_ORDER: ListOrder<IndexSort> = { ...DEFAULT_SORT, firstDirection: defaultDirection };

/** The query string for a search (with its "?"), leaving out defaults. */
export function customerIndexSearchString(search: CustomerIndexSearch): string {
  const params = new URLSearchParams();
  if (search.search) params.set("q", search.search);
  if (search.hasSightings !== undefined) params.set("sightings", search.hasSightings ? "yes" : "no");
  if (search.sightingWithinDays) params.set("within", String(search.sightingWithinDays));
  if (search.state) params.set("state", search.state);
  if (search.uploadId) params.set("upload", search.uploadId);
  if (search.sellerType) params.set("seller", search.sellerType);
  if (search.monitoring) params.set("monitoring", search.monitoring);
  return searchStringWith(params, search, INDEX_ORDER);
}

/** True when the search narrows the list (so "no customers" means "none match", not "none yet"). */
export function isFiltered(search: CustomerIndexSearch): boolean {
  return Boolean(
    search.search ||
    search.hasSightings !== undefined ||
    search.sightingWithinDays ||
    search.state ||
    search.uploadId ||
    search.sellerType ||
    search.monitoring,
  );
}
