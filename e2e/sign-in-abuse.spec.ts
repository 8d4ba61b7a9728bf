import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { e2eServerEnv } from "../playwright.config";
import { DEMO_PASSWORD, expect, test } from "./fixtures";
import { someClientAddress } from "./support/addresses";

/** Sign-in under abuse, through the API: what an attacker's script sends, not what the form allows. */

const signInFrom = (api: APIRequestContext, address: string, data: { email: string; password: string }) =>
  api.post("/api/auth/sign-in", { data, headers: { "X-Forwarded-For": address } });

test("an overlong email gets 422 naming the field, and leaves nothing in the audit log", async ({
  apiAs,
}) => {
  const anonymous = await apiAs(undefined);
  const marker = `overlong-${Date.now()}`;
  const response = await signInFrom(anonymous, someClientAddress(), {
    email: `${marker}${"a".repeat(300_000)}@dealer.test`,
    password: "whatever",
  });
  expect(response.status()).toBe(422);
  const { error } = await response.json();
  expect(error.fields).toEqual({ email: "Use an email address of at most 254 characters" });

  const page = await (await (await apiAs("admin")).get("/settings/audit")).text();
  expect(page).toContain("Audit log entries");
  expect(page).not.toContain(marker);
});

test("20 wrong passwords at once from one address get 5 answers and 429s, logged as one row", async ({
  apiAs,
  page,
}) => {
  const anonymous = await apiAs(undefined);
  const address = someClientAddress();
  const email = `guessed-${Date.now()}@dealer.test`;
  const responses = await Promise.all(
    Array.from({ length: 20 }, (_, i) => signInFrom(anonymous, address, { email, password: `guess-${i}` })),
  );
  const statuses = responses.map((response) => response.status());
  expect(statuses.filter((status) => status === 401)).toHaveLength(5);
  expect(statuses.filter((status) => status === 429)).toHaveLength(15);

  await page.context().addCookies((await (await apiAs("admin")).storageState()).cookies);
  await page.goto("/settings/audit");
  const rows = page
    .getByRole("table", { name: "Audit log entries" })
    .getByRole("row")
    .filter({ hasText: address });
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("20 attempts; latest:");
  await expect(rows).toContainText(email);
});

test("a crowd of sign-ins from many addresses is answered 401 or 429 busy, never a server error", async ({
  apiAs,
}) => {
  const anonymous = await apiAs(undefined);
  const responses = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      signInFrom(anonymous, someClientAddress(), {
        email: `crowd-${i}-${Date.now()}@dealer.test`,
        password: `guess-${i}`,
      }),
    ),
  );
  const statuses = responses.map((response) => response.status());
  // Password checks run two at a time with eight waiting: the rest are turned away, not failed.
  expect(statuses.filter((status) => status !== 401 && status !== 429)).toEqual([]);
  const busy = responses.filter((response) => response.status() === 429);
  expect(busy.length).toBeGreaterThan(0);
  for (const response of busy) {
    expect(response.headers()["retry-after"]).toBe("1");
    expect((await response.json()).error.code).toBe("busy");
  }
});

test.describe("with no proxy configured (TRUST_PROXY unset)", () => {
  test("X-Forwarded-For is ignored: a client can't pick a fresh address to escape the lockout", async ({
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const port = Number(new URL(baseURL!).port) + 1000;
    const url = `http://localhost:${port}`;
    const dataDir = mkdtempSync(join(tmpdir(), "sign-in-abuse-"));
    const server = spawn("npx", ["next", "start", "-p", String(port)], {
      env: {
        ...process.env,
        ...e2eServerEnv,
        // Empty is unset: the default, no proxy in front.
        TRUST_PROXY: "",
        PORT: String(port),
        DATABASE_URL: `file:${dataDir}/dashboard.db`,
        EMULATOR_DB: `${dataDir}/emulator.db`,
      },
      stdio: "ignore",
      detached: true,
    });
    const api = await playwrightRequest.newContext({ baseURL: url, extraHTTPHeaders: { Origin: url } });
    try {
      await expect
        .poll(async () => (await api.get("/api/health").catch(() => undefined))?.status(), {
          timeout: 60_000,
        })
        .toBe(200);
      // Signed in first (a right password doesn't count), to read the audit log afterwards.
      const admin = await signInFrom(api, "203.0.113.250", {
        email: "admin@demo.local",
        password: DEMO_PASSWORD,
      });
      expect(admin.status()).toBe(200);
      for (let attempt = 1; attempt <= 5; attempt++) {
        const response = await signInFrom(api, `203.0.113.${attempt}`, {
          email: `guess-${attempt}@dealer.test`,
          password: "whatever",
        });
        expect(response.status(), `attempt ${attempt}`).toBe(401);
      }
      const sixth = await signInFrom(api, "203.0.113.6", {
        email: "guess-6@dealer.test",
        password: "whatever",
      });
      expect(sixth.status()).toBe(429);

      // All six came from the connection's address, whatever they claimed: one row, no claimed address.
      const auditLog = await (await api.get("/settings/audit")).text();
      expect(auditLog).toContain("6 attempts; latest:");
      expect(auditLog).not.toContain("203.0.113.");
    } finally {
      await api.dispose();
      process.kill(-server.pid!, "SIGTERM");
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
