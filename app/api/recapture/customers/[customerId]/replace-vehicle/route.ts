import { replaceVehicleRequestSchema } from "@/lib/customers/replace-vehicle";
import { customerIdSchema } from "@/lib/recapture/schemas";
import { withReplacementIndexed } from "@/lib/server/customer-index/write-through";
import { oneReplacementAtATime, replaceVehicle } from "@/lib/server/customers/replace-vehicle";
import { pathId, readJson, requestRegion, route } from "@/lib/server/http";
import { recapture } from "@/lib/server/recapture";

type Params = { customerId: string };

/** Rego, state and VIN can't be changed upstream: a new record with the new vehicle replaces this one. */
export const POST = route<Params>({ role: "staff", proxied: true }, async ({ request, params, user }) => {
  const customerId = pathId(customerIdSchema, params.customerId, "customer");
  const region = requestRegion(request);
  const body = await readJson(request, replaceVehicleRequestSchema);
  return Response.json(
    await withReplacementIndexed(
      region,
      await oneReplacementAtATime(customerId, () =>
        replaceVehicle({ client: recapture(), user, customerId, request: body, region }),
      ),
    ),
  );
});
