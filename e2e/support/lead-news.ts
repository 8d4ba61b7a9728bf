import { expect, type APIRequestContext } from "@playwright/test";
import { uniqueRego } from "./customers";
import { listCarNow } from "./market";

/**
 * News for a test that needs some (a digest with new leads): the demo's own
 * sightings are the dealership's history, first seen when they were listed and
 * the older ones dismissed (lib/leads/lead-history.ts), so they may hold
 * nothing from the last day. This creates a customer, has the emulator's
 * market list its car now (the control API) and edits the customer through
 * the dashboard, whose write-through records the listing as a lead first seen
 * now.
 */
export async function listACarToday(api: APIRequestContext): Promise<void> {
  const rego = uniqueRego("NEW");
  const created = await api.put("/api/recapture/customers", {
    data: { customer: { rego, state: "VIC", external_id: `EXT-${rego}` } },
  });
  expect(created.status(), "a customer to list a car for").toBe(200);
  const { customer } = (await created.json()) as { customer: { id: string } };
  expect(await listCarNow(api, customer.id), "the market lists the car now").toBeDefined();
  const edited = await api.patch(`/api/recapture/customers/${customer.id}`, {
    data: { external_id: `NEWS-${rego}` },
  });
  expect(edited.status(), "the edit that writes the customer through").toBe(200);
}
