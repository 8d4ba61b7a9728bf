import { z } from "zod";
import type { PageSize } from "@/components/data-table/data-table-features";
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
import { LEAD_STATUSES } from "./lead-status";
import {
  LEAD_CONTACT_DUE_HOURS,
  LEAD_SEARCH_MAX_LENGTH,
  LEAD_SEEN_WITHIN_DAYS,
  LEAD_SORTS,
  LEAD_TYPES,
  type LeadListQuery,
  type LeadSort,
} from "./lead-list";

/**
 * A question to the leads inbox as a query string, the one form shared by the
 * /leads URL and GET /api/leads:
 * `?q=smith&status=new,contacted&assignee=mine&within=7&seen_before=24h&type=price_drop&seller=private&min=10000&max=40000&state=VIC&upload=<id>&sort=price&dir=asc&page=2&size=100`.
 * `assignee` is `mine`, `nobody` or an account's id. Anything missing or
 * malformed falls back to the default rather than failing, so an old or
 * hand-edited link still opens a sensible list; defaults are left out when
 * writing, so the plain link stays plain.
 */
export type LeadListSearch = Omit<LeadListQuery, "region" | "pageSize"> & { pageSize: PageSize };

/** Newest first: the first to call usually wins. */
export const DEFAULT_LEAD_SORT = { sort: "first_seen", direction: "desc" } as const satisfies Pick<
  LeadListSearch,
  "sort" | "direction"
>;

const withinSchema = withinDaysSchema(LEAD_SEEN_WITHIN_DAYS);
/** Whole dollars, as people type a price range; "$30,000" reads as 30000. */
const dollarsSchema = z
  .string()
  .transform((text) => text.replace(/[$,\s]/g, ""))
  .pipe(z.string().regex(/^\d{1,9}$/))
  .transform(Number);
const assigneeSchema = z.union([
  z.enum(["mine", "nobody"]),
  z
    .string()
    .regex(/^[1-9]\d{0,9}$/)
    .transform(Number),
]);

/** Statuses in the order the workflow lists them, each once; unknown ones are left out. */
function parseStatuses(text: string | null): LeadListSearch["statuses"] {
  if (!text) return undefined;
  const asked = new Set(text.split(","));
  const statuses = LEAD_STATUSES.filter((status) => asked.has(status));
  return statuses.length > 0 ? statuses : undefined;
}

export function parseLeadListSearch(params: SearchSource): LeadListSearch {
  const search = params.get("q")?.trim().slice(0, LEAD_SEARCH_MAX_LENGTH);
  const statuses = parseStatuses(params.get("status"));
  const assignee = optional(assigneeSchema, params.get("assignee"));
  const within = optional(withinSchema, params.get("within"));
  const seenBefore = params.get("seen_before") === `${LEAD_CONTACT_DUE_HOURS}h`;
  const type = optional(z.enum(LEAD_TYPES), params.get("type"));
  const sellerType = optional(z.enum(["private", "dealer"]), params.get("seller"));
  const priceMin = optional(dollarsSchema, params.get("min"));
  const priceMax = optional(dollarsSchema, params.get("max"));
  const state = optional(stateSchema, params.get("state"));
  const uploadId = optional(uploadIdSchema, params.get("upload"));
  return {
    ...(search ? { search } : {}),
    ...(statuses ? { statuses } : {}),
    ...(assignee !== undefined ? { assignee } : {}),
    ...(within ? { seenWithinDays: within } : {}),
    ...(seenBefore ? { seenBeforeHours: LEAD_CONTACT_DUE_HOURS } : {}),
    ...(type ? { type } : {}),
    ...(sellerType ? { sellerType } : {}),
    ...(priceMin !== undefined ? { priceMin } : {}),
    ...(priceMax !== undefined ? { priceMax } : {}),
    ...(state ? { state } : {}),
    ...(uploadId ? { uploadId } : {}),
    ...parseSortedPage(params, LEAD_SORTS, LEAD_LIST_ORDER),
  };
}

/**
 * The direction a column sorts in on its first click: newest seen first, cheapest first,
 * biggest drop first (the change is negative), longest on the market first.
 */
export function defaultLeadDirection(sort: LeadSort): SortDirection {
  return sort === "first_seen" || sort === "days_listed" ? "desc" : "asc";
}

const LEAD_LIST_ORDER: ListOrder<LeadSort> = { ...DEFAULT_LEAD_SORT, firstDirection: defaultLeadDirection };

/** The query string for a search (with its "?"), leaving out defaults. */
export function leadListSearchString(search: LeadListSearch): string {
  const params = new URLSearchParams();
  if (search.search) params.set("q", search.search);
  if (search.statuses?.length) params.set("status", search.statuses.join(","));
  if (search.assignee !== undefined) params.set("assignee", String(search.assignee));
  if (search.seenWithinDays) params.set("within", String(search.seenWithinDays));
  if (search.seenBeforeHours) params.set("seen_before", `${search.seenBeforeHours}h`);
  if (search.type) params.set("type", search.type);
  if (search.sellerType) params.set("seller", search.sellerType);
  if (search.priceMin !== undefined) params.set("min", String(search.priceMin));
  if (search.priceMax !== undefined) params.set("max", String(search.priceMax));
  if (search.state) params.set("state", search.state);
  if (search.uploadId) params.set("upload", search.uploadId);
  return searchStringWith(params, search, LEAD_LIST_ORDER);
}

/** True when the search narrows the list (so "no leads" means "none match", not "none yet"). */
export function isLeadListFiltered(search: LeadListSearch): boolean {
  return Boolean(
    search.search ||
    search.statuses?.length ||
    search.assignee !== undefined ||
    search.seenWithinDays ||
    search.type ||
    search.sellerType ||
    search.priceMin !== undefined ||
    search.priceMax !== undefined ||
    search.state ||
    search.uploadId,
  );
}
