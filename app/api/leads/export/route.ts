import { parseLeadListSearch } from "@/lib/leads/lead-list-params";
import { env } from "@/lib/server/env";
import { requestRegion, route } from "@/lib/server/http";
import { exportFormatParam, sheetDownload } from "@/lib/server/http/sheet-download";
import { startLeadsExport } from "@/lib/server/leads/leads-export";

/** GET /api/leads/export?format=csv|xlsx&<the inbox's filters and sort>: every matching lead, not only a page. */
export const GET = route({ role: "viewer" }, async ({ request, user }) => {
  const params = request.nextUrl.searchParams;
  const format = exportFormatParam(params);
  const file = await startLeadsExport({
    user,
    region: requestRegion(request) ?? env().RECAPTURE_REGION,
    search: parseLeadListSearch(params),
    format,
    timeZone: env().DEALERSHIP_TIME_ZONE,
  });
  return sheetDownload(file);
});
