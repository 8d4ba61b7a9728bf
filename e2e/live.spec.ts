import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { signInViaApi } from "./fixtures";
import { startLiveApp, type LiveApp } from "./support/live-app";

/**
 * The dashboard in live mode against the emulator over HTTP, as a real deployment
 * runs: the API key must never reach the browser, and another dealership's
 * customers stay out of reach.
 */
let live: LiveApp;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  live = await startLiveApp({ port: 3790, emulatorPort: 4790 });
});

test.afterAll(async () => {
  await live?.stop();
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test("the API key appears in no response, page or file under .next/static", async ({ browser }) => {
  const storageState = await signInViaApi(live.baseURL, live.admin.email, live.admin.password);
  const context = await browser.newContext({ baseURL: live.baseURL, storageState });
  const page = await context.newPage();
  const bodies: string[] = [];
  page.on("response", async (response) => {
    bodies.push(JSON.stringify(await response.allHeaders()));
    bodies.push(await response.text().catch(() => ""));
  });

  for (const path of ["/customers", "/uploads", "/uploads/new", "/settings/users"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    bodies.push(await page.content());
  }
  await expect(page.getByText("Emulator: simulated data")).toHaveCount(0);

  const api = context.request;
  const list = await api.get("/api/recapture/customers?limit=5");
  expect(list.status()).toBe(200);
  bodies.push(await list.text());
  bodies.push(await (await api.get("/api/health")).text());
  expect(await (await api.get("/api/health")).json()).toMatchObject({ mode: "live" });
  // An upstream error, too, is passed on without the key.
  bodies.push(await (await api.get("/api/recapture/customers/00000000-0000-4000-8000-000000000000")).text());

  expect(bodies.length).toBeGreaterThan(10);
  for (const body of bodies) expect(body).not.toContain(live.apiKey);

  const staticDir = join(process.env.NEXT_DIST_DIR ?? ".next", "static");
  const files = filesUnder(staticDir);
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) expect(readFileSync(file, "utf8"), file).not.toContain(live.apiKey);
  await context.close();
});

test("another dealership's customer is refused with the documented message", async ({ playwright }) => {
  const other = await playwright.request.newContext({
    baseURL: live.emulatorURL,
    extraHTTPHeaders: { ApiKey: live.otherApiKey },
  });
  const created = await other.put("/v2/recapture/customers?region=au", {
    data: { customer: { rego: "OTHER1", state: "NSW" } },
  });
  expect(created.status()).toBe(200);
  const { customer } = await created.json();
  await other.dispose();

  const storageState = await signInViaApi(live.baseURL, live.admin.email, live.admin.password);
  const api = await playwright.request.newContext({ baseURL: live.baseURL, storageState });
  const response = await api.get(`/api/recapture/customers/${customer.id}`);
  expect(response.status()).toBe(403);
  expect((await response.json()).error.message).toBe("You don't have permission to access that customer");
  await api.dispose();
});
