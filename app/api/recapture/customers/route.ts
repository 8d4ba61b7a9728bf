import { createCustomerRequestSchema, listCustomersQuerySchema } from "@/lib/recapture/schemas";
import { fieldErrors, HttpError, readJson, requestRegion, route } from "@/lib/server/http";
import { auditedCustomerChange } from "@/lib/server/customers/customer-audit";
import { withCustomerIndexed } from "@/lib/server/customer-index/write-through";
import { recapture } from "@/lib/server/recapture";

export const GET = route({ role: "viewer", proxied: true }, async ({ request }) => {
  const params = request.nextUrl.searchParams;
  // Only the known parameters are read, so nothing else reaches the upstream URL.
  const query = listCustomersQuerySchema.safeParse({
    offset: params.get("offset") ?? undefined,
    limit: params.get("limit") ?? undefined,
    upload_id: params.get("upload_id") || undefined,
  });
  if (!query.success) {
    const fields = fieldErrors(query.error);
    throw new HttpError(400, "invalid_query", Object.values(fields)[0] ?? "Invalid query", fields);
  }
  return Response.json(await recapture().listCustomers(query.data, { region: requestRegion(request) }));
});

export const PUT = route({ role: "staff", proxied: true }, async ({ request, user }) => {
  const region = requestRegion(request);
  const body = await readJson(request, createCustomerRequestSchema);
  return Response.json(
    await withCustomerIndexed(
      region,
      await auditedCustomerChange(
        { user, action: "customer.create", known: body.customer, answered: ({ customer }) => customer },
        () => recapture().createCustomer(body, { region }),
      ),
    ),
  );
});
