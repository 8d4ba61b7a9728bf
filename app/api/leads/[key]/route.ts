import { readLeadDetail } from "@/lib/server/db/lead-detail";
import { HttpError, route } from "@/lib/server/http";
import { leadKeyParam, type LeadParams } from "./lead-key";

export const GET = route<LeadParams>({}, async ({ params }) => {
  const detail = await readLeadDetail(leadKeyParam(params.key));
  if (!detail) throw new HttpError(404, "not_found", "That lead doesn't exist.");
  return Response.json(detail);
});
