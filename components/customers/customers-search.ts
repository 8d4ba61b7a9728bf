import { parseTablePage, setTablePageParams, type TablePage } from "@/components/data-table/table-page";
import type { CustomerListParams } from "@/lib/queries/customers";
import { uploadIdSchema } from "@/lib/recapture/schemas";

/** What the customers table shows, as kept in its URL: `?page=3&size=100&upload=<id>`. */
export interface CustomersSearch extends TablePage {
  uploadId?: string;
}

/** Reads the table state from a URL; anything missing or malformed falls back to the default rather than failing. */
export function parseCustomersSearch(params: Pick<URLSearchParams, "get">): CustomersSearch {
  const upload = uploadIdSchema.safeParse(params.get("upload"));
  return { ...parseTablePage(params), ...(upload.success ? { uploadId: upload.data } : {}) };
}

/** The query string for a table state, leaving out defaults so the plain /customers link stays plain. */
export function customersSearchString({ uploadId, ...page }: CustomersSearch): string {
  const params = new URLSearchParams();
  setTablePageParams(params, page);
  if (uploadId) params.set("upload", uploadId);
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** The table page a customer was opened from, to go back to after a delete. */
export function customersHref(search: CustomersSearch): string {
  return `/customers${customersSearchString(search)}`;
}

export function customerHref(customerId: string, from: CustomersSearch): string {
  return `/customers/${encodeURIComponent(customerId)}${customersSearchString(from)}`;
}

export function toListParams({ page, size, uploadId }: CustomersSearch): CustomerListParams {
  return { offset: (page - 1) * size, limit: size, ...(uploadId ? { uploadId } : {}) };
}
