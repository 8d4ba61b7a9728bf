import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { expect, signInViaApi, test } from "./fixtures";
import { journal, setFaults } from "./support/emulator-journal";

/**
 * One person, or one request, cannot take the server or the dealership's API
 * allowance from everyone else: an over-long upload is refused as it arrives,
 * only a few large uploads are read at once, each person's calls are limited,
 * identical reads share one call to the API, and a busy API says when to come
 * back. The embedded emulator's journal shows what reached it.
 */

/** A signed-in API context for a new viewer account of its own, so its share of the API starts full. */
async function newViewer(admin: APIRequestContext, baseURL: string, name: string) {
  const email = `${name}-${Date.now()}@dealer.test`;
  const password = "a-long-enough-password";
  expect((await admin.post("/api/users", { data: { email, role: "viewer", password } })).status()).toBe(201);
  return playwrightRequest.newContext({
    baseURL,
    storageState: await signInViaApi(baseURL, email, password),
    extraHTTPHeaders: { Origin: baseURL },
  });
}

test.afterEach(async ({ apiAs }) => {
  await (await apiAs("staff")).delete("/api/emulator/faults");
});

test.describe("uploads", () => {
  test.use({ role: "staff" });

  test("an upload of 60,000 customers is refused with 413 before any of them is checked", async ({ api }) => {
    await api.delete("/api/emulator/journal");
    // Empty customers: checking even one would answer 422, so a 413 shows the count came first.
    const customers = Array.from({ length: 60_000 }, () => ({}));
    const response = await api.post("/api/recapture/upload", { data: { name: "Far too many", customers } });
    expect(response.status()).toBe(413);
    expect(await response.json()).toMatchObject({
      success: false,
      error: { code: "too_many_customers", message: expect.stringContaining("at most 50,000 customers") },
    });
    expect(await journal(api)).toEqual([]);
  });

  test("a third large upload at the same time gets 429 with Retry-After, and the two before it go through", async ({
    api,
  }) => {
    // About 1.5 MB each: more than any form sends, so each takes one of the server's two slots.
    const upload = (batch: string) => ({
      name: `Load ${batch}`,
      customers: Array.from({ length: 20_000 }, (_, index) => ({
        rego: `${batch}${index.toString(36).toUpperCase().padStart(4, "0")}`,
        state: "VIC",
        external_id: `CUST-${batch}-${index}`,
      })),
    });
    expect(JSON.stringify(upload("LA")).length).toBeGreaterThan(1024 * 1024);
    // The API answers slowly, so the first two uploads are still being sent when the third arrives.
    await setFaults(api, { latencyMs: 2_500 });
    await api.delete("/api/emulator/journal");
    const sent = [
      api.post("/api/recapture/upload", { data: upload("LA") }),
      api.post("/api/recapture/upload", { data: upload("LB") }),
    ];
    try {
      await expect
        .poll(async () => (await journal(api)).filter((entry) => entry.method === "POST").length)
        .toBe(2);
      const third = api.post("/api/recapture/upload", { data: upload("LC") });
      sent.push(third);
      expect((await third).status()).toBe(429);
      expect(Number((await third).headers()["retry-after"])).toBeGreaterThan(0);
      expect((await (await third).json()).error.message).toMatch(
        /already receiving 2 large uploads\. Try again in \d+ seconds/,
      );
      expect((await Promise.all(sent.slice(0, 2))).map((response) => response.status())).toEqual([202, 202]);
    } finally {
      // The emulator shares this server's process: leave it nothing to work through.
      await api.delete("/api/emulator/faults");
      for (const response of await Promise.all(sent)) {
        if (response.status() === 202)
          await api.delete(`/api/recapture/upload/${(await response.json()).upload.id}`);
      }
    }
  });
});

test.describe("reads", () => {
  test.use({ role: "viewer" });

  test("a burst of 50 reads from one person gets 429 with Retry-After; another person is unaffected", async ({
    apiAs,
    baseURL,
  }) => {
    const admin = await apiAs("admin");
    const [busy, other] = [
      await newViewer(admin, baseURL!, "burst"),
      await newViewer(admin, baseURL!, "calm"),
    ];
    try {
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          busy.get(`/api/recapture/customers?limit=1&offset=${index}`),
        ),
      );
      const refused = answers.filter((response) => response.status() === 429);
      expect(answers.filter((response) => response.status() === 200).length).toBeGreaterThanOrEqual(30);
      expect(refused.length).toBeGreaterThan(0);
      expect(Number(refused[0]!.headers()["retry-after"])).toBeGreaterThan(0);
      expect((await refused[0]!.json()).error.message).toMatch(
        /faster than the dashboard allows one person\. Try again in \d+ seconds?\./,
      );

      expect((await other.get("/api/recapture/customers?limit=1")).status()).toBe(200);
    } finally {
      await Promise.all([busy.dispose(), other.dispose()]);
    }
  });

  test("identical reads arriving together cost one call to the Recapture API", async ({ api, apiAs }) => {
    const control = await apiAs("staff");
    // A slow answer keeps the first read on its way while the others arrive.
    await setFaults(control, { latencyMs: 500 });
    await control.delete("/api/emulator/journal");
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => api.get("/api/recapture/customers?limit=3&offset=11")),
    );
    const bodies = await Promise.all(answers.map((response) => response.json()));
    expect(answers.map((response) => response.status())).toEqual(Array(10).fill(200));
    expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBe(1);
    expect((await journal(control)).filter((entry) => entry.path === "/v2/recapture/customers")).toHaveLength(
      1,
    );
  });

  test("when the Recapture API is busy for longer, the page says when to try again", async ({
    page,
    apiAs,
  }) => {
    const staff = await apiAs("staff");
    // A customer's own page reads the API live (the table is answered from the dashboard's index).
    const listed = await staff.get("/api/recapture/customers?limit=1");
    const [customer] = ((await listed.json()) as { customers: { id: string }[] }).customers;
    await setFaults(staff, { rateLimitRate: 1, rateLimitResetSeconds: 40 });
    await page.goto(`/customers/${customer!.id}`);
    await expect(page.getByRole("alert").filter({ hasText: "Couldn't load this customer" })).toContainText(
      "The Recapture API is busy. Try again in 40 seconds.",
    );
  });
});
