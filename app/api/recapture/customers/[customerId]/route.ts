import { customerIdSchema, isUnreadableCustomer, updateCustomerRequestSchema } from "@/lib/recapture/schemas";
import { pathId, readJson, requestRegion, route } from "@/lib/server/http";
import { auditedCustomerChange } from "@/lib/server/customers/customer-audit";
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
      await auditedCustomerChange(
        { user, action: "customer.update", known: { id: customerId }, answered: ({ customer }) => customer },
        () => recapture().updateCustomer(customerId, body, { region }),
      ),
    ),
  );
});

/**
 * Also what the browser sends, with `keepalive`, for a delete still waiting out its undo time
 * when the tab closes: the same session cookie and same-origin checks apply.
 */
export const DELETE = route<Params>({ role: "staff", proxied: true }, async ({ request, params, user }) => {
  const customerId = pathId(customerIdSchema, params.customerId, "customer");
  const region = requestRegion(request);
  return Response.json(
    await withCustomerUnindexed(
      region,
      customerId,
      await auditedCustomerChange(
        {
          user,
          action: "customer.delete",
          known: { id: customerId },
          // The record answered may be one that can't be read: the id names it then.
          answered: ({ customer }) => (isUnreadableCustomer(customer) ? undefined : customer),
        },
        () => recapture().deleteCustomer(customerId, { region }),
      ),
    ),
  );
});
