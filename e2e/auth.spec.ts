import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request as playwrightRequest } from "@playwright/test";
import { DEMO_PASSWORD, demoEmail, expect, test, type Role } from "./fixtures";
import { someClientAddress } from "./support/addresses";
import { expectAccessible } from "./support/axe";

const GENERIC_FAILURE = "That email and password don't match an active account.";
const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  manager: "Manager",
  staff: "Staff",
  viewer: "Viewer",
};

test.describe("signing in and out", () => {
  for (const role of ["admin", "manager", "staff", "viewer"] as const) {
    test(`${role} signs in, sees what the role allows, and signs out`, async ({
      page,
      context,
      baseURL,
      signInPage,
      shell,
    }) => {
      await page.goto("/uploads");
      await expect(page).toHaveURL(/\/sign-in\?next=%2Fuploads$/);
      await signInPage.signIn(demoEmail(role), DEMO_PASSWORD);

      await expect(page).toHaveURL(/\/uploads$/);
      await shell.expectSignedInAs(demoEmail(role), ROLE_LABELS[role]);
      await expect(shell.navLink("Customers")).toBeVisible();
      await expect(shell.navLink("New upload")).toHaveCount(role === "viewer" ? 0 : 1);
      await expect(shell.navLink("Users")).toHaveCount(role === "admin" ? 1 : 0);
      await expect(shell.navLink("Audit log")).toHaveCount(role === "admin" ? 1 : 0);

      const signedIn = await context.storageState();
      await shell.signOut();
      await page.goto("/uploads");
      await expect(page).toHaveURL(/\/sign-in\?next=%2Fuploads$/);

      // The session ended on the server, not just in this browser: its old cookie no longer works.
      const replay = await playwrightRequest.newContext({ baseURL, storageState: signedIn });
      expect((await replay.get("/api/auth/session")).status()).toBe(401);
      await replay.dispose();
    });
  }

  test("a wrong password and an unknown email get the same message", async ({ signInPage }) => {
    await signInPage.goto();
    await signInPage.signIn("staff@demo.local", "not-the-password");
    await expect(signInPage.error).toHaveText(GENERIC_FAILURE);
    await signInPage.signIn("nobody@demo.local", "not-the-password");
    await expect(signInPage.error).toHaveText(GENERIC_FAILURE);
  });

  test("the form says what is missing before sending anything", async ({ signInPage }) => {
    await signInPage.goto();
    await signInPage.submit.click();
    await expect(signInPage.email).toHaveAttribute("aria-invalid", "true");
    await expect(signInPage.page.getByText("Enter an email address")).toBeVisible();
    await expect(signInPage.page.getByText("Enter your password")).toBeVisible();
    await expectAccessible(signInPage.page, "sign-in page with its field errors");
  });

  test("in emulator mode the demo accounts are listed and fill the form in", async ({ page, signInPage }) => {
    await signInPage.goto();
    for (const role of ["admin", "manager", "staff", "viewer"] as const) {
      await expect(
        signInPage.demoAccounts.getByRole("button", { name: new RegExp(demoEmail(role)) }),
      ).toBeVisible();
    }
    await test.info().attach("sign-in page", { body: await page.screenshot(), contentType: "image/png" });
    await signInPage.demoAccounts.getByRole("button", { name: /viewer@demo\.local/ }).click();
    await expect(signInPage.email).toHaveValue("viewer@demo.local");
    await expect(signInPage.password).toHaveValue(DEMO_PASSWORD);
    await signInPage.submit.click();
    await expect(page).toHaveURL(/\/$/);
  });

  for (const next of ["https://evil.example/steal", "//evil.example/steal", "/\\evil.example"]) {
    test(`after signing in, next=${next} leads home, not off the site`, async ({ page, signInPage }) => {
      await signInPage.goto(next);
      await signInPage.signIn("viewer@demo.local", DEMO_PASSWORD);
      await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/$/);
    });
  }

  test.describe("when already signed in", () => {
    test.use({ role: "staff" });

    test("the sign-in page goes straight on", async ({ page }) => {
      await page.goto("/sign-in?next=%2Fuploads");
      await expect(page).toHaveURL(/\/uploads$/);
    });
  });
});

test.describe("sign-in throttle", () => {
  test("the sixth wrong password in a minute from one address gets 429 and the wait, even when it is right, while the owner signs in from elsewhere", async ({
    page,
    apiAs,
    signInPage,
    baseURL,
  }) => {
    // An account and a client address of its own: the throttle would otherwise lock out other tests for a minute.
    const email = `throttled-${Date.now()}@dealer.test`;
    const password = "the-right-password";
    const guesser = someClientAddress();
    const admin = await apiAs("admin");
    expect((await admin.post("/api/users", { data: { email, role: "viewer", password } })).status()).toBe(
      201,
    );
    await page.setExtraHTTPHeaders({ "X-Forwarded-For": guesser });

    await signInPage.goto();
    for (let attempt = 1; attempt <= 5; attempt++) {
      const [response] = await Promise.all([
        page.waitForResponse("**/api/auth/sign-in"),
        signInPage.signIn(email, `wrong-password-${attempt}`),
      ]);
      expect(response.status(), `attempt ${attempt}`).toBe(401);
    }
    const [sixth] = await Promise.all([
      page.waitForResponse("**/api/auth/sign-in"),
      signInPage.signIn(email, password),
    ]);
    expect(sixth.status()).toBe(429);
    expect(Number(sixth.headers()["retry-after"])).toBeGreaterThan(0);
    await expect(signInPage.error).toHaveText(/^Too many sign-in attempts\. Try again in \d+ seconds\.$/);

    // The address stays locked for other emails too; the account does not: its owner, elsewhere, gets in.
    const elsewhere = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL! } });
    const sameAddress = await elsewhere.post("/api/auth/sign-in", {
      data: { email: "someone-else@dealer.test", password: "whatever" },
      headers: { "X-Forwarded-For": guesser },
    });
    expect(sameAddress.status()).toBe(429);
    const owner = await elsewhere.post("/api/auth/sign-in", {
      data: { email, password },
      headers: { "X-Forwarded-For": someClientAddress() },
    });
    expect(owner.status()).toBe(200);
    await elsewhere.dispose();
  });
});

test.describe("session cookie", () => {
  const signIn = (
    context: Awaited<ReturnType<typeof playwrightRequest.newContext>>,
    headers: Record<string, string>,
  ) =>
    context.post("/api/auth/sign-in", {
      data: { email: "viewer@demo.local", password: DEMO_PASSWORD },
      headers,
    });
  const sessionCookie = (response: Awaited<ReturnType<typeof signIn>>) =>
    response
      .headersArray()
      .find(
        (header) =>
          header.name.toLowerCase() === "set-cookie" && header.value.startsWith("recapture_session="),
      )?.value;

  test("is HttpOnly, SameSite=Lax and site-wide; Secure when the request came over HTTPS", async ({
    baseURL,
  }) => {
    const context = await playwrightRequest.newContext({ baseURL });
    const plain = sessionCookie(await signIn(context, { Origin: baseURL! }));
    expect(plain).toMatch(/; HttpOnly/i);
    expect(plain).toMatch(/; SameSite=Lax/i);
    expect(plain).toMatch(/; Path=\//);
    // http://localhost (as in these tests): a Secure cookie would never come back over plain HTTP.
    expect(plain).not.toMatch(/; Secure/i);

    const httpsOrigin = baseURL!.replace(/^http:/, "https:");
    const secure = sessionCookie(
      await signIn(context, { Origin: httpsOrigin, "X-Forwarded-Proto": "https" }),
    );
    expect(secure).toMatch(/; Secure/i);
    expect(secure).toMatch(/; HttpOnly/i);
    expect(secure).toMatch(/; SameSite=Lax/i);
    await context.dispose();
  });

  test("is invisible to page scripts", async ({ page, context, signInPage }) => {
    await signInPage.goto();
    await signInPage.signIn("viewer@demo.local", DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/$/);
    const cookie = (await context.cookies()).find((candidate) => candidate.name === "recapture_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(await page.evaluate(() => document.cookie)).not.toContain("recapture_session");
  });
});

test.describe("live mode", () => {
  // Starts a second server from the same build with an API key: it never talks upstream in these tests.
  const liveEnv = (port: number, dir: string) => ({
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    RECAPTURE_API_KEY: "e2e-live-mode-key",
    SESSION_SECRET: "e2e-live-session-secret-at-least-32-chars",
    DATABASE_URL: `file:${dir}/dashboard.db`,
    EMULATOR_DB: `${dir}/emulator.db`,
  });

  test("demo accounts are never created; the first admin comes from the users CLI", async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const port = Number(new URL(baseURL!).port) + 50;
    const liveURL = `http://localhost:${port}`;
    const env = liveEnv(port, mkdtempSync(join(tmpdir(), "recapture-live-")));
    const server = spawn("npx", ["next", "start", "-p", String(port)], {
      env,
      stdio: "ignore",
      detached: true,
    });
    const live = await playwrightRequest.newContext({
      baseURL: liveURL,
      extraHTTPHeaders: { Origin: liveURL },
    });
    try {
      await expect
        .poll(async () => (await live.get("/api/health").catch(() => undefined))?.status(), {
          timeout: 60_000,
        })
        .toBe(200);
      expect(await (await live.get("/api/health")).json()).toMatchObject({ mode: "live" });

      for (const role of ["admin", "manager", "staff", "viewer"] as const) {
        const response = await live.post("/api/auth/sign-in", {
          data: { email: demoEmail(role), password: DEMO_PASSWORD },
        });
        expect(response.status(), demoEmail(role)).toBe(401);
      }
      await page.goto(`${liveURL}/sign-in`);
      await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
      await expect(page.getByRole("region", { name: "Demo accounts" })).toHaveCount(0);
      await expect(page.getByText("demo-password")).toHaveCount(0);
      await expect(page.getByText("Emulator: simulated data")).toHaveCount(0);

      const cli = spawnSync(
        "npm",
        ["run", "--silent", "users", "--", "add", "--email", "owner@dealer.test", "--role", "admin"],
        {
          env,
          input: "owner-password-123\n",
          encoding: "utf8",
        },
      );
      expect(cli.stderr).toBe("");
      expect(cli.stdout).toContain("Created admin account owner@dealer.test.");
      const owner = await live.post("/api/auth/sign-in", {
        data: { email: "owner@dealer.test", password: "owner-password-123" },
      });
      expect(owner.status()).toBe(200);
    } finally {
      await live.dispose();
      process.kill(-server.pid!, "SIGTERM");
    }
  });

  test("without SESSION_SECRET a live server refuses to start and names the variable", ({ baseURL }) => {
    const port = Number(new URL(baseURL!).port) + 51;
    const result = spawnSync("npx", ["next", "start", "-p", String(port)], {
      env: { ...liveEnv(port, mkdtempSync(join(tmpdir(), "recapture-live-"))), SESSION_SECRET: "" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("SESSION_SECRET: required when RECAPTURE_API_KEY is set");
  });
});
