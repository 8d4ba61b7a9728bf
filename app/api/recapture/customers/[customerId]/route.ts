import { customerIdSchema, updateCustomerRequestSchema } from "@/lib/recapture/schemas";
import { pathId, readJson, requestRegion, route } from "@/lib/server/http";
import { audited } from "@/lib/server/audit";
import { withCustomerIndexed, withCustomerUnindexed } from "@/lib/server/customer-index/write-through";
import { recapture } from "@/lib/server/recapture";

type Params = { customerId: string };

export const GET = route<Params>({ role: "viewer", proxied: true }, async ({ request, params }) => {
  const customerId = pathId(customerIdSchema, params.customerId, "customer");
  return Response.json(await recapture().getCustomer(customerId, { region: requestRegion(request) }));
});

export const PATCH = route<Params>({ role: "staff", proxied: true }, async ({ request, params, user }) => {
  const customerId = pathId(customerIdSchema, params.customerId, "customer");
  const region = requestRegion(request);
  const body = await readJson(request, updateCustomerRequestSchema);
  return Response.json(
    await withCustomerIndexed(
      region,
      await audited(user, "customer.update", customerId, () =>
        recapture().updateCustomer(customerId, body, { region }),
      ),
    ),
  );
});

export const DELETE = route<Params>({ role: "staff", proxied: true }, async ({ request, params, user }) => {
  const customerId = pathId(customerIdSchema, params.customerId, "customer");
  const region = requestRegion(request);
  return Response.json(
    await withCustomerUnindexed(
      region,
      customerId,
      await audited(user, "customer.delete", customerId, () =>
        recapture().deleteCustomer(customerId, { region }),
      ),
    ),
  );
});
