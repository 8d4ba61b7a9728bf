import type { PageSize } from "@/components/data-table/data-table-features";
import { parseTablePage, tablePageHref, type TablePage } from "@/components/data-table/table-page";

/** The log is read in longer stretches than the customers table, so its pages start at 50 entries. */
export const AUDIT_LOG_PAGE_SIZE: PageSize = 50;

/** The page of the audit log a URL asks for: `?page=2&size=100`. */
export function parseAuditLogPage(params: Pick<URLSearchParams, "get">): TablePage {
  return parseTablePage(params, AUDIT_LOG_PAGE_SIZE);
}

export function auditLogHref(page: TablePage): string {
  return tablePageHref("/settings/audit", page, AUDIT_LOG_PAGE_SIZE);
}
