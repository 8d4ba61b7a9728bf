import { noteRequestSchema } from "@/lib/leads/lead-detail";
import { readJson, route } from "@/lib/server/http";
import { addNoteToLead } from "@/lib/server/leads/lead-work";
import { leadKeyParam, type LeadParams } from "../lead-key";

export const POST = route<LeadParams>({ role: "staff" }, async ({ request, user, params }) => {
  const leadKey = leadKeyParam(params.key);
  const { text } = await readJson(request, noteRequestSchema);
  await addNoteToLead(user, leadKey, text);
  return Response.json({ added: true }, { status: 201 });
});
