import { DEFAULT_PAGE_SIZE } from "@/components/data-table/data-table-features";
import { customerIndexSearchString, type CustomerIndexSearch } from "@/lib/customer-index/query-params";
import { exportColumnsParam } from "./columns";

export const CUSTOMERS_EXPORT_URL = "/api/customers/export";

/** The export of every customer a search matches (its page and size aside), with the table's visible columns. */
export function customersExportHref(
  search: CustomerIndexSearch,
  visibleColumnIds: readonly string[],
  format: "csv" | "xlsx",
): string {
  const params = new URLSearchParams(
    customerIndexSearchString({ ...search, page: 1, pageSize: DEFAULT_PAGE_SIZE }),
  );
  params.set("format", format);
  params.set("columns", exportColumnsParam(visibleColumnIds));
  return `${CUSTOMERS_EXPORT_URL}?${params}`;
}
