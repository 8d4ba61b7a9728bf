import { parseExportColumns } from "@/lib/customer-export/columns";
import { parseCustomerIndexSearch } from "@/lib/customer-index/query-params";
import { startCustomersExport } from "@/lib/server/customer-export/customers-export";
import { EXPORT_FORMATS, type ExportFormat } from "@/lib/server/spreadsheet-export/sheet-writer";
import { env } from "@/lib/server/env";
import { HttpError, requestRegion, route } from "@/lib/server/http";

/** GET /api/customers/export?format=csv|xlsx&columns=rego,state,…&<the customers page's search>: every matching customer. */
export const GET = route({ role: "viewer" }, async ({ request, user }) => {
  const params = request.nextUrl.searchParams;
  const format = params.get("format") ?? "";
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new HttpError(400, "invalid_format", "Choose format=csv or format=xlsx.");
  const columns = parseExportColumns(params.get("columns"));
  if ("error" in columns) throw new HttpError(400, "invalid_columns", columns.error);
  const file = await startCustomersExport({
    user,
    region: requestRegion(request) ?? env().RECAPTURE_REGION,
    search: parseCustomerIndexSearch(params),
    columns: columns.columns,
    format: format as ExportFormat,
    timeZone: env().DEALERSHIP_TIME_ZONE,
  });
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
