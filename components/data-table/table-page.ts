import type { PaginationState } from "@tanstack/react-table";
import { DEFAULT_PAGE_SIZE, isPageSize, type PageSize } from "@/components/data-table/page-sizes";

/**
 * The page of a table on screen, as kept in its URL (`?page=3&size=100`) so a reload,
 * the Back button and a shared link keep it. Pages count from 1.
 */
export interface TablePage {
  page: number;
  size: PageSize;
}

type SearchSource = Pick<URLSearchParams, "get">;

/** Reads the page from a URL; anything missing or malformed falls back to the default rather than failing. */
export function parseTablePage(params: SearchSource, defaultSize: PageSize = DEFAULT_PAGE_SIZE): TablePage {
  const pageText = params.get("page") ?? "";
  const page = /^\d+$/.test(pageText) ? Number(pageText) : 1;
  const size = Number(params.get("size"));
  return {
    page: Number.isSafeInteger(page) && page >= 1 ? page : 1,
    size: isPageSize(size) ? size : defaultSize,
  };
}

/** Writes the page into `params`, leaving out defaults so a table's plain link stays plain. */
export function setTablePageParams(
  params: URLSearchParams,
  { page, size }: TablePage,
  defaultSize: PageSize = DEFAULT_PAGE_SIZE,
) {
  if (page !== 1) params.set("page", String(page));
  if (size !== defaultSize) params.set("size", String(size));
}

/** The link to a page of a table that is all its page says (`/settings/outbox?page=2`). */
export function tablePageHref(
  path: string,
  page: TablePage,
  defaultSize: PageSize = DEFAULT_PAGE_SIZE,
): string {
  const params = new URLSearchParams();
  setTablePageParams(params, page, defaultSize);
  const search = params.toString();
  return `${path}${search ? `?${search}` : ""}`;
}

/**
 * The page the pager asks for. A new page size starts at the page holding the row that
 * was on top, so people keep their place.
 */
export function nextTablePage(current: TablePage, requested: PaginationState): TablePage {
  const size = isPageSize(requested.pageSize) ? requested.pageSize : current.size;
  const page =
    size === current.size
      ? requested.pageIndex + 1
      : Math.floor(((current.page - 1) * current.size) / size) + 1;
  return { page, size };
}

/** The table state for the pager. */
export function toPaginationState({ page, size }: TablePage): PaginationState {
  return { pageIndex: page - 1, pageSize: size };
}

/** A page's `searchParams` record as something `parseTablePage` can read (a repeated key counts once). */
export function searchParamsFrom(record: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(record)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) params.set(key, first);
  }
  return params;
}
