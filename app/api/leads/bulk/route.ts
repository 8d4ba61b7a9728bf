import { bulkRequestSchema } from "@/lib/leads/lead-detail";
import { readJson, route } from "@/lib/server/http";
import { workLeadsInBulk } from "@/lib/server/leads/lead-work";

export const POST = route({ role: "staff" }, async ({ request, user }) => {
  const { leadKeys, action } = await readJson(request, bulkRequestSchema);
  const { changed, refused } = await workLeadsInBulk(user, leadKeys, action);
  return Response.json({ changed, refused });
});
