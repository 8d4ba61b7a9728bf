import { parseLeadListSearch } from "@/lib/leads/lead-list-params";
import { env } from "@/lib/server/env";
import { HttpError, requestRegion, route } from "@/lib/server/http";
import { startLeadsExport } from "@/lib/server/leads/leads-export";
import { EXPORT_FORMATS, type ExportFormat } from "@/lib/server/spreadsheet-export/sheet-writer";

/** GET /api/leads/export?format=csv|xlsx&<the inbox's filters and sort>: every matching lead, not only a page. */
export const GET = route({ role: "viewer" }, async ({ request, user }) => {
  const params = request.nextUrl.searchParams;
  const format = params.get("format") ?? "";
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new HttpError(400, "invalid_format", "Choose format=csv or format=xlsx.");
  const file = await startLeadsExport({
    user,
    region: requestRegion(request) ?? env().RECAPTURE_REGION,
    search: parseLeadListSearch(params),
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
