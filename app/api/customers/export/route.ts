import { parseExportColumns } from "@/lib/customer-export/columns";
import { parseCustomerIndexSearch } from "@/lib/customer-index/query-params";
import { startCustomersExport } from "@/lib/server/customer-export/customers-export";
import { env } from "@/lib/server/env";
import { HttpError, requestRegion, route } from "@/lib/server/http";
import { exportFormatParam, sheetDownload } from "@/lib/server/http/sheet-download";

/** GET /api/customers/export?format=csv|xlsx&columns=rego,state,…&<the customers page's search>: every matching customer. */
export const GET = route({ role: "viewer" }, async ({ request, user }) => {
  const params = request.nextUrl.searchParams;
  const format = exportFormatParam(params);
  const columns = parseExportColumns(params.get("columns"));
  if ("error" in columns) throw new HttpError(400, "invalid_columns", columns.error);
  const file = await startCustomersExport({
    user,
    region: requestRegion(request) ?? env().RECAPTURE_REGION,
    search: parseCustomerIndexSearch(params),
    columns: columns.columns,
    format,
    timeZone: env().DEALERSHIP_TIME_ZONE,
  });
  return sheetDownload(file);
});
