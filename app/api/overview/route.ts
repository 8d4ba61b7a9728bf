import { leadOverview } from "@/lib/server/db/lead-figures";
import { env } from "@/lib/server/env";
import { requestRegion, route } from "@/lib/server/http";

export const GET = route({ role: "viewer" }, async ({ request }) => {
  const settings = env();
  const region = requestRegion(request) ?? settings.RECAPTURE_REGION;
  return Response.json({ overview: await leadOverview(region, new Date(), settings.DEALERSHIP_TIME_ZONE) });
});
