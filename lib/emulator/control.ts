import { Hono, type Context } from "hono";
import { z } from "zod";
import { REGIONS } from "@/lib/recapture/regions";
import type { EmulatorContext } from "./context";
import { controlPerimeter } from "./control-perimeter";
import { INVALID_CUSTOMER_ID } from "./customer-routes";
import { loadDemoData } from "./demo-data";
import { faultSettingsSchema } from "./faults";
import { ApiError, readBody, uuidOrUndefined } from "./http";
import type { CustomerRow } from "./store";

const UNREADABLE_LAST_UPDATED = "not a date";

/**
 * /__emulator/*: test and demo controls, mounted only when control is on.
 * Account-specific calls take the account's key in the usual ApiKey header.
 * Writes pass the control perimeter first (another site, non-JSON, size).
 */
export function controlRoutes(ctx: EmulatorContext) {
  const { store, accounts, faults, journal, market } = ctx;

  /** The account named by the ApiKey header; undefined when there is no header. */
  function headerAccount(c: Context): string | undefined {
    const key = c.req.header("ApiKey");
    if (key === undefined) return undefined;
    const account = accounts.fromKey(key);
    if (!account) throw new ApiError(400, "Unknown API key");
    return account;
  }

  /** A stored customer by the id a control call names, of any account; 404 as the API says it. */
  function storedCustomer(customerId: string) {
    const id = uuidOrUndefined(customerId);
    const customer = id === undefined ? undefined : store.getCustomer(id);
    if (!customer) throw new ApiError(404, INVALID_CUSTOMER_ID);
    return customer;
  }

  /** A lead the market or the control API gave this customer, as it was before any control change. */
  function storedLead(customerId: string, leadId: string) {
    const customer = storedCustomer(customerId);
    const sighting = ctx.unchangedSightings(customer).find((candidate) => candidate.lead_id === leadId);
    if (!sighting) throw new ApiError(404, "That customer has no such lead");
    const change = store.sightingChangesFor([customer.id]).get(customer.id)?.get(leadId);
    return { customer, sighting, takenDown: change?.taken_down === 1 };
  }

  /** The customer as the API returns it now, and the lead among its sightings (if still listed). */
  function presentLead(customer: CustomerRow, leadId: string) {
    const presented = ctx.presentCustomers([customer])[0];
    const sighting = presented?.sightings.find((candidate) => candidate.lead_id === leadId) ?? null;
    return { success: true, sighting, customer: presented };
  }

  return new Hono()
    .use(controlPerimeter)
    .get("/", (c) =>
      c.json({
        success: true,
        accounts: accounts.count(),
        process_rate: ctx.processor.rate(),
        rate_limit_per_minute: ctx.rateLimiter.perMinute,
        faults: faults.current(),
      }),
    )
    .post("/reset", (c) => {
      store.reset();
      journal.clear();
      ctx.rateLimiter.reset();
      faults.reset();
      return c.json({ success: true });
    })
    .post("/demo", (c) => {
      const region = c.req.query("region") ?? "au";
      if (!(REGIONS as readonly string[]).includes(region)) throw new ApiError(400, "Invalid Region");
      const account = headerAccount(c) ?? accounts.first();
      if (!account) throw new ApiError(400, "No API keys are configured");
      const { uploadIds, customers } = loadDemoData(store, { account, region, now: ctx.now() });
      return c.json({ success: true, uploads: uploadIds.length, upload_ids: uploadIds, customers });
    })
    .put("/process-rate", async (c) => {
      const { process_rate } = await readBody(c, z.object({ process_rate: z.number().int().min(0) }));
      ctx.processor.setRate(process_rate);
      return c.json({ success: true, process_rate });
    })
    .get("/faults", (c) => c.json({ success: true, faults: faults.current() }))
    .put("/faults", async (c) => {
      faults.set(await readBody(c, faultSettingsSchema.partial()));
      return c.json({ success: true, faults: faults.current() });
    })
    .delete("/faults", (c) => {
      faults.set({});
      return c.json({ success: true, faults: faults.current() });
    })
    .post("/sightings", async (c) => {
      // `listing_url` replaces the market's link, so a test can store one that isn't http(s).
      const { customer_id, listing_url } = await readBody(
        c,
        z.object({ customer_id: z.string(), listing_url: z.string().optional() }),
      );
      const customer = storedCustomer(customer_id);
      const now = ctx.now();
      if (!market.isMonitored(customer, now))
        throw new ApiError(409, "That customer is outside its monitor window");
      const earlier = store.sightingsFor([customer.id]).get(customer.id)?.length ?? 0;
      const listed = market.listNow(customer, now, earlier);
      const sighting = listing_url === undefined ? listed : { ...listed, listing_url };
      store.insertSighting(customer.id, sighting);
      return c.json({ success: true, sighting, customer: ctx.presentCustomers([customer])[0] }, 201);
    })
    .post("/customers/:customerId/sightings/:leadId/price", async (c) => {
      // The seller changes the asking price: the same lead, a different listing_price from now on.
      const { listing_price } = await readBody(c, z.object({ listing_price: z.number().int().positive() }));
      const { customer, takenDown } = storedLead(c.req.param("customerId"), c.req.param("leadId"));
      if (takenDown) throw new ApiError(409, "That listing has been taken down");
      store.changeSightingPrice(customer.id, c.req.param("leadId"), listing_price);
      return c.json(presentLead(customer, c.req.param("leadId")));
    })
    .delete("/customers/:customerId/sightings/:leadId", (c) => {
      // The listing is taken down (sold, or the ad withdrawn): it leaves the customer's sightings.
      const { customer } = storedLead(c.req.param("customerId"), c.req.param("leadId"));
      store.setSightingTakenDown(customer.id, c.req.param("leadId"), true);
      return c.json(presentLead(customer, c.req.param("leadId")));
    })
    .post("/customers/:customerId/sightings/:leadId/relist", (c) => {
      // The same ad goes up again: the lead returns to the sightings, at its last price.
      const { customer } = storedLead(c.req.param("customerId"), c.req.param("leadId"));
      store.setSightingTakenDown(customer.id, c.req.param("leadId"), false);
      return c.json(presentLead(customer, c.req.param("leadId")));
    })
    .post("/unreadable-customer", async (c) => {
      // A record clients can't read: its last_updated is no longer a date. A PATCH sets a real one again.
      const { customer_id } = await readBody(c, z.object({ customer_id: z.string() }));
      const customer = storedCustomer(customer_id);
      const unreadable = { ...customer, last_updated: UNREADABLE_LAST_UPDATED };
      store.updateCustomer(unreadable);
      return c.json({ success: true, customer: ctx.presentCustomers([unreadable])[0] });
    })
    .get("/journal", (c) => {
      const limit = Number(c.req.query("limit") ?? 100);
      if (!Number.isInteger(limit) || limit < 1) throw new ApiError(400, "limit must be a positive integer");
      return c.json({ success: true, requests: journal.latest(limit) });
    })
    .delete("/journal", (c) => {
      journal.clear();
      return c.json({ success: true });
    })
    .get("/lookups", (c) => {
      const account = headerAccount(c);
      const lookups = store.lookupCounts().filter((row) => account === undefined || row.account === account);
      return c.json({ success: true, total: lookups.reduce((sum, row) => sum + row.count, 0), lookups });
    });
}
