import { Hono, type Context } from "hono";
import { applyPatch, customerRow, MISSING_REQUIRED, prepareCustomer } from "./customer";
import type { EmulatorContext } from "./context";
import { isoAt } from "./dates";
import { ApiError, readBody, uuidOrUndefined, type ApiEnv } from "./http";
import { createCustomerBodySchema, patchCustomerBodySchema } from "./schemas";
import type { CustomerRow } from "./store";
import { INVALID_UPLOAD_ID } from "./upload-routes";

export const INVALID_CUSTOMER_ID = "Invalid Customer ID";
const NO_PERMISSION = "You don't have permission to access that customer";
const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 500;

function queryInteger(c: Context, name: string, fallback: number, min: number): number {
  const text = c.req.query(name);
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min)
    throw new ApiError(400, `${name} must be an integer of at least ${min}`);
  return value;
}

/** /v2/recapture/customers: list, create, read, update and delete customers. */
export function customerRoutes(ctx: EmulatorContext) {
  const { store, presentCustomers } = ctx;
  const present = (row: CustomerRow) => presentCustomers([row])[0];

  /** Malformed and unknown ids (and ids from another region) are all "Invalid Customer ID"; another account's is 403. */
  function findCustomer(c: Context<ApiEnv>): CustomerRow {
    const id = uuidOrUndefined(c.req.param("id"));
    const customer = id === undefined ? undefined : store.getCustomer(id);
    if (!customer) throw new ApiError(404, INVALID_CUSTOMER_ID);
    if (customer.account !== c.var.account) throw new ApiError(403, NO_PERMISSION);
    if (customer.region !== c.var.region) throw new ApiError(404, INVALID_CUSTOMER_ID);
    return customer;
  }

  return new Hono<ApiEnv>()
    .get("/", (c) => {
      const offset = queryInteger(c, "offset", 0, 0);
      const limit = Math.min(queryInteger(c, "limit", DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
      const uploadIdText = c.req.query("upload_id") || undefined;
      const uploadId = uuidOrUndefined(uploadIdText);
      if (uploadIdText !== undefined && uploadId === undefined) throw new ApiError(400, INVALID_UPLOAD_ID);
      const page = store.listCustomers({
        account: c.var.account,
        region: c.var.region,
        uploadId,
        offset,
        limit,
      });
      return c.json({ success: true, total: page.total, customers: presentCustomers(page.customers) });
    })
    .put("/", async (c) => {
      const body = await readBody(c, createCustomerBodySchema);
      if (!body.customer) throw new ApiError(400, MISSING_REQUIRED);
      const outcome = prepareCustomer(body.customer, {
        region: c.var.region,
        enableRegoLookups: body.enable_rego_lookups ?? false,
      });
      if (!outcome.ok) throw new ApiError(400, outcome.message);
      const row = customerRow(outcome.fields, {
        id: crypto.randomUUID(),
        account: c.var.account,
        region: c.var.region,
        upload_id: null,
        created_at: isoAt(ctx.now()),
      });
      store.insertCustomer(row);
      if (outcome.lookedUp) store.addLookups(row.account, row.region, 1);
      return c.json({ success: true, customer: present(row) });
    })
    .get("/:id", (c) => c.json({ success: true, customer: present(findCustomer(c)) }))
    .patch("/:id", async (c) => {
      const customer = findCustomer(c);
      const patched = applyPatch(customer, await readBody(c, patchCustomerBodySchema), isoAt(ctx.now()));
      if (!patched.ok) throw new ApiError(400, patched.message);
      store.updateCustomer(patched.row);
      return c.json({ success: true, customer: present(patched.row) });
    })
    .delete("/:id", (c) => {
      const customer = findCustomer(c);
      const deleted = present(customer);
      store.deleteCustomer(customer.id);
      return c.json({ success: true, customer: deleted });
    });
}
