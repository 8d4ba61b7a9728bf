import { z } from "zod";
import { DEFAULT_PAGE_SIZE, isPageSize, type PageSize } from "@/components/data-table/page-sizes";
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

type SearchSource = Pick<URLSearchParams, "get">;

const optional = <T>(schema: z.ZodType<T>, value: string | null): T | undefined => {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};

const stateSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .transform((state) => state.toUpperCase());
const withinSchema = z.coerce
  .number()
  .refine((days): days is (typeof SIGHTING_WITHIN_DAYS)[number] =>
    (SIGHTING_WITHIN_DAYS as readonly number[]).includes(days),
  );
const pageSchema = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export function parseCustomerIndexSearch(params: SearchSource): CustomerIndexSearch {
  const search = params.get("q")?.trim().slice(0, SEARCH_MAX_LENGTH);
  const sightings = params.get("sightings");
  const sort = optional(z.enum(INDEX_SORTS), params.get("sort"));
  const size = Number(params.get("size"));
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
    sort: sort ?? DEFAULT_SORT.sort,
    direction:
      optional(z.enum(["asc", "desc"]), params.get("dir")) ??
      (sort ? defaultDirection(sort) : DEFAULT_SORT.direction),
    page: optional(pageSchema, params.get("page")) ?? 1,
    pageSize: isPageSize(size) ? size : DEFAULT_PAGE_SIZE,
  };
}

/** The direction a column sorts in on its first click: dates newest first, regos A to Z. */
export function defaultDirection(sort: IndexSort): "asc" | "desc" {
  return sort === "rego" ? "asc" : "desc";
}

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
  if (search.sort !== DEFAULT_SORT.sort || search.direction !== DEFAULT_SORT.direction) {
    params.set("sort", search.sort);
    if (search.direction !== defaultDirection(search.sort)) params.set("dir", search.direction);
  }
  if (search.page !== 1) params.set("page", String(search.page));
  if (search.pageSize !== DEFAULT_PAGE_SIZE) params.set("size", String(search.pageSize));
  const text = params.toString();
  return text ? `?${text}` : "";
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
