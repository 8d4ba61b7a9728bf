import { customerIndexStatus } from "@/lib/server/customer-index/index-status";
import { env } from "@/lib/server/env";
import { requestRegion, route } from "@/lib/server/http";

export const GET = route({ role: "viewer" }, async ({ request }) =>
  Response.json({
    status: await customerIndexStatus(requestRegion(request) ?? env().RECAPTURE_REGION),
  }),
);
