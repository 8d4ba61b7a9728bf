import { statusRequestSchema } from "@/lib/leads/lead-detail";
import { readJson, route } from "@/lib/server/http";
import { setLeadStatus } from "@/lib/server/leads/lead-work";
import { leadKeyParam, type LeadParams } from "../lead-key";

export const POST = route<LeadParams>({ role: "staff" }, async ({ request, user, params }) => {
  const leadKey = leadKeyParam(params.key);
  const outcome = await setLeadStatus(user, leadKey, await readJson(request, statusRequestSchema));
  return Response.json({ changed: outcome.changed });
});
