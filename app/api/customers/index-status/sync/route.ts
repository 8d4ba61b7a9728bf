import { audited } from "@/lib/server/audit";
import { requestSync } from "@/lib/server/customer-index/customer-sync";
import { customerIndexStatus } from "@/lib/server/customer-index/index-status";
import { env } from "@/lib/server/env";
import { requestRegion, route } from "@/lib/server/http";

/** "Sync now": the instance running the sync starts a pass within a few seconds. */
export const POST = route({ role: "admin" }, async ({ request, user }) => {
  const region = requestRegion(request) ?? env().RECAPTURE_REGION;
  await audited(user, "customers.sync_now", region, () => requestSync({ region }));
  return Response.json({ status: await customerIndexStatus(region) }, { status: 202 });
});
