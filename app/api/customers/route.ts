import {
  INDEX_NOT_READY,
  type IndexedCustomersResponse,
} from "@/lib/customer-index/indexed-customers-response";
import { parseCustomerIndexSearch } from "@/lib/customer-index/query-params";
import { isCustomerIndexReady } from "@/lib/server/customer-index/index-status";
import { searchIndexedCustomers } from "@/lib/server/db/customer-index-search";
import { env } from "@/lib/server/env";
import { HttpError, requestRegion, route } from "@/lib/server/http";

/**
 * The customers table's question (search, filters, sort, page: see query-params.ts), answered
 * from the customer index. Before the index's first complete pass it holds only part of the
 * list, so it says so (409) and the table pages the API live instead.
 */
export const GET = route({ role: "viewer" }, async ({ request }) => {
  const region = requestRegion(request) ?? env().RECAPTURE_REGION;
  if (!(await isCustomerIndexReady(region))) {
    throw new HttpError(
      409,
      INDEX_NOT_READY,
      "The customer index is still being built: search, filters and sorting arrive once every customer is indexed.",
    );
  }
  const search = parseCustomerIndexSearch(request.nextUrl.searchParams);
  const { total, customers } = await searchIndexedCustomers({ ...search, region });
  return Response.json({ total, customers } satisfies IndexedCustomersResponse);
});
