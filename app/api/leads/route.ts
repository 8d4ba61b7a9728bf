import { parseLeadListSearch } from "@/lib/leads/lead-list-params";
import type { LeadListResponse } from "@/lib/leads/lead-list";
import { listLeads } from "@/lib/server/db/lead-list";
import { env } from "@/lib/server/env";
import { requestRegion, route } from "@/lib/server/http";
import { dealershipContactFields } from "@/lib/server/leads/contact-fields";

/** One page of the leads inbox, asked as the /leads URL asks it (lib/leads/lead-list-params.ts). */
export const GET = route({ role: "viewer" }, async ({ request, user }) => {
  const region = requestRegion(request) ?? env().RECAPTURE_REGION;
  const search = parseLeadListSearch(request.nextUrl.searchParams);
  return Response.json(
    (await listLeads(
      { ...search, region },
      { userId: user.id },
      await dealershipContactFields(region),
    )) satisfies LeadListResponse,
  );
});
