import { z } from "zod";
import { DEFAULT_PAGE_SIZE, isPageSize, type PageSize } from "@/components/data-table/page-sizes";

/**
 * What the server-paged lists (leads inbox, customer index) read the same way from their query
 * strings. Anything missing or malformed reads as undefined (or the default), never as a failure,
 * so an old or hand-edited link still opens a sensible list.
 */

/** A URL's search params, or Next's. */
export type SearchSource = Pick<URLSearchParams, "get">;

export type SortDirection = "asc" | "desc";

/** A list's order and page: `sort`, `dir`, `page` and `size` in its query string. */
export interface SortedPage<Sort extends string> {
  sort: Sort;
  direction: SortDirection;
  page: number;
  pageSize: PageSize;
}

/** A list's default order, and the direction each column sorts in on its first click. */
export interface ListOrder<Sort extends string> {
  sort: Sort;
  direction: SortDirection;
  firstDirection: (sort: Sort) => SortDirection;
}

/** The value when it parses, else undefined. */
export function optional<T>(schema: z.ZodType<T>, value: string | null): T | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** An Australian state as typed ("vic" reads as "VIC"). */
export const stateSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .transform((state) => state.toUpperCase());

/** One of a list's "within N days" choices. */
export function withinDaysSchema<Days extends number>(choices: readonly Days[]) {
  return z.coerce.number().refine((days): days is Days => (choices as readonly number[]).includes(days));
}

const pageSchema = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export function parseSortedPage<Sort extends string>(
  params: SearchSource,
  sorts: readonly [Sort, ...Sort[]],
  order: ListOrder<Sort>,
): SortedPage<Sort> {
  const sort = optional(z.enum(sorts), params.get("sort"));
  const size = Number(params.get("size"));
  return {
    // A sort without a direction reads the way its column does on a first click.
    sort: sort ?? order.sort,
    direction:
      optional(z.enum(["asc", "desc"]), params.get("dir")) ??
      (sort ? order.firstDirection(sort) : order.direction),
    page: optional(pageSchema, params.get("page")) ?? 1,
    pageSize: isPageSize(size) ? size : DEFAULT_PAGE_SIZE,
  };
}

/** The query string (with its "?") of params that say the order and page too, leaving out defaults. */
export function searchStringWith<Sort extends string>(
  params: URLSearchParams,
  search: SortedPage<Sort>,
  order: ListOrder<Sort>,
): string {
  if (search.sort !== order.sort || search.direction !== order.direction) {
    params.set("sort", search.sort);
    if (search.direction !== order.firstDirection(search.sort)) params.set("dir", search.direction);
  }
  if (search.page !== 1) params.set("page", String(search.page));
  if (search.pageSize !== DEFAULT_PAGE_SIZE) params.set("size", String(search.pageSize));
  const text = params.toString();
  return text ? `?${text}` : "";
}
