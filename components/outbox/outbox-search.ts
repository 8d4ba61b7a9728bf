import type { PageSize } from "@/components/data-table/data-table-features";
import { parseTablePage, tablePageHref, type TablePage } from "@/components/data-table/table-page";

export const OUTBOX_PAGE_SIZE: PageSize = 50;

/** The page of the outbox a URL asks for: `?page=2&size=100`. */
export function parseOutboxPage(params: Pick<URLSearchParams, "get">): TablePage {
  return parseTablePage(params, OUTBOX_PAGE_SIZE);
}

export function outboxHref(page: TablePage): string {
  return tablePageHref("/settings/outbox", page, OUTBOX_PAGE_SIZE);
}
