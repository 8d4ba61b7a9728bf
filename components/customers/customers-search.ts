import { DEFAULT_PAGE_SIZE, isPageSize, type PageSize } from "@/components/data-table/data-table-features";
import type { CustomerListParams } from "@/lib/queries/customers";
import { uploadIdSchema } from "@/lib/recapture/schemas";

/** What the customers table shows, as kept in its URL: `?page=3&size=100&upload=<id>`. Pages count from 1. */
export interface CustomersSearch {
  page: number;
  size: PageSize;
  uploadId?: string;
}

type SearchSource = Pick<URLSearchParams, "get">;

/** Reads the table state from a URL; anything missing or malformed falls back to the default rather than failing. */
export function parseCustomersSearch(params: SearchSource): CustomersSearch {
  const pageText = params.get("page") ?? "";
  const page = /^\d+$/.test(pageText) ? Number(pageText) : 1;
  const size = Number(params.get("size"));
  const upload = uploadIdSchema.safeParse(params.get("upload"));
  return {
    page: Number.isSafeInteger(page) && page >= 1 ? page : 1,
    size: isPageSize(size) ? size : DEFAULT_PAGE_SIZE,
    ...(upload.success ? { uploadId: upload.data } : {}),
  };
}

/** The query string for a table state, leaving out defaults so the plain /customers link stays plain. */
export function customersSearchString({ page, size, uploadId }: CustomersSearch): string {
  const params = new URLSearchParams();
  if (page !== 1) params.set("page", String(page));
  if (size !== DEFAULT_PAGE_SIZE) params.set("size", String(size));
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

/** A page's `searchParams` record as something `parseCustomersSearch` can read (a repeated key counts once). */
export function searchParamsFrom(record: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(record)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) params.set(key, first);
  }
  return params;
}
