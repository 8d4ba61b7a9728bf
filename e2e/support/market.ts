import { expect, type APIRequestContext } from "@playwright/test";

/**
 * The simulated market as a test drives it: the embedded emulator's control
 * endpoints (lib/emulator/README.md, "Control API"), reached through the
 * dashboard's /api/emulator/* (EMULATOR_CONTROL=1 in e2e), and the customer
 * sync that reads what changed, as the dashboard really learns of it.
 */

export interface MarketSighting {
  lead_id: string;
  listing_price: number | null;
  listing_url: string | null;
  listing_title: string | null;
}

interface ControlAnswer {
  sighting: MarketSighting | null;
}

async function control(
  api: APIRequestContext,
  method: "post" | "delete",
  path: string,
  data?: Record<string, unknown>,
): Promise<ControlAnswer> {
  const response = await api[method](`/api/emulator/${path}`, data ? { data } : {});
  expect(response.ok(), `${method.toUpperCase()} /__emulator/${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as ControlAnswer;
}

/** The market lists this customer's car now; undefined when the customer is outside its monitor window. */
export async function listCarNow(api: APIRequestContext, customerId: string) {
  const response = await api.post("/api/emulator/sightings", { data: { customer_id: customerId } });
  if (response.status() === 409) return undefined;
  expect(response.status(), `a sighting for ${customerId}`).toBe(201);
  return ((await response.json()) as { sighting: MarketSighting }).sighting;
}

const leadPath = (customerId: string, leadId: string) =>
  `customers/${encodeURIComponent(customerId)}/sightings/${encodeURIComponent(leadId)}`;

/** The seller changes the asking price: the same lead, another `listing_price`. */
export const changePrice = (api: APIRequestContext, customerId: string, leadId: string, price: number) =>
  control(api, "post", `${leadPath(customerId, leadId)}/price`, { listing_price: price });

/** The listing is taken down: it leaves the customer's sightings. */
export const takeDown = (api: APIRequestContext, customerId: string, leadId: string) =>
  control(api, "delete", leadPath(customerId, leadId));

/** The listing goes up again, at its last price. */
export const relist = (api: APIRequestContext, customerId: string, leadId: string) =>
  control(api, "post", `${leadPath(customerId, leadId)}/relist`);

/**
 * "Sync now" (an admin's): the instance running the sync starts a pass within
 * seconds, reading every customer, so sightings that changed without the
 * customer's record changing reach the leads. The caller polls for what it expects.
 */
export async function syncNow(admin: APIRequestContext) {
  expect((await admin.post("/api/customers/index-status/sync")).status()).toBe(202);
}

/**
 * Asks for a pass of the customer sync (an administrator's Sync now, standing in for the night's
 * scheduled pass) and waits until one that started after the request has finished.
 */
export async function syncPass(admin: APIRequestContext) {
  const asked = Date.now();
  await syncNow(admin);
  await expect
    .poll(
      async () => {
        const { status } = (await (await admin.get("/api/customers/index-status")).json()) as {
          status: { upToDateAt: string | null; progress: unknown; requested: boolean };
        };
        return (
          !status.requested &&
          !status.progress &&
          status.upToDateAt !== null &&
          Date.parse(status.upToDateAt) > asked
        );
      },
      { timeout: 30_000, message: "a customer sync pass after Sync now" },
    )
    .toBe(true);
}
