import { assignmentRequestSchema } from "@/lib/leads/lead-detail";
import { readJson, route } from "@/lib/server/http";
import { assignLead } from "@/lib/server/leads/lead-work";
import { leadKeyParam, type LeadParams } from "../lead-key";

export const POST = route<LeadParams>({ role: "staff" }, async ({ request, user, params }) => {
  const leadKey = leadKeyParam(params.key);
  const { userId } = await readJson(request, assignmentRequestSchema);
  const outcome = await assignLead(user, leadKey, userId);
  return Response.json({ changed: outcome.changed });
});
