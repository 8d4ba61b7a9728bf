import { monitoredCheckRequestSchema } from "@/lib/customer-index/already-monitored";
import { customerIndexStatus } from "@/lib/server/customer-index/index-status";
import { findMonitoredVehicles } from "@/lib/server/db/already-monitored";
import { env } from "@/lib/server/env";
import { readJson, requestRegion, route } from "@/lib/server/http";

/** Of an upload's cars, those the customer index already has; `ready` false until it has read every customer. */
export const POST = route({ role: "staff" }, async ({ request }) => {
  const region = requestRegion(request) ?? env().RECAPTURE_REGION;
  const { vehicles } = await readJson(request, monitoredCheckRequestSchema);
  if (!(await customerIndexStatus(region)).ready) return Response.json({ ready: false, matches: [] });
  return Response.json({ ready: true, matches: await findMonitoredVehicles(region, vehicles) });
});
