import type { APIResponse, ConsoleMessage } from "@playwright/test";
import { signInPath } from "../lib/auth/next-path";
import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";
import { UploadWizardPage } from "./pages/upload-wizard-page";
import { apiRoutes, appPages, isMutating } from "./support/app-routes";

/** The header that let requests skip Next.js middleware before CVE-2025-29927 was fixed. */
const SKIP_MIDDLEWARE = {
  "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware",
};

// The emulator's test controls are open by design (404 unless EMULATOR_CONTROL=1 in emulator mode; see app/api/emulator).
const PUBLIC_API = new Set(["/api/health", "/api/auth/sign-in", "/api/emulator/sample/path"]);
const protectedApi = apiRoutes().filter((route) => !PUBLIC_API.has(route.path));
const protectedPages = appPages().filter((path) => path !== "/sign-in");

/** The writes every signed-in account may make: signing out, and their own preferences (which columns show). */
const OPEN_TO_VIEWERS = new Set(["POST /api/auth/sign-out", "PUT /api/me/preferences/1"]);

test("the route lists found the app's pages and API routes", () => {
  expect(protectedPages).toEqual(
    expect.arrayContaining(["/customers", "/uploads", "/settings/users", "/settings/audit"]),
  );
  expect(protectedApi.map((route) => route.path)).toEqual(
    expect.arrayContaining(["/api/users", "/api/users/1", "/api/auth/sign-out"]),
  );
});

for (const [label, headers] of [
  ["", {}],
  [" (even with x-middleware-subrequest)", SKIP_MIDDLEWARE],
] as const) {
  test.describe(`signed out${label}`, () => {
    test("every page redirects to sign-in and comes back afterwards", async ({ request, baseURL }) => {
      for (const path of protectedPages) {
        const response = await request.get(path, { headers, maxRedirects: 0 });
        expect(response.status(), path).toBe(307);
        const location = new URL(response.headers().location!, baseURL);
        expect(`${location.pathname}${location.search}`, path).toBe(signInPath(path));
      }
    });

    test("every API route answers 401 JSON", async ({ request, baseURL }) => {
      for (const { path, methods } of protectedApi) {
        for (const method of methods) {
          const response = await request.fetch(path, {
            method,
            headers: { ...headers, Origin: baseURL! },
            data: isMutating(method) ? {} : undefined,
            maxRedirects: 0,
          });
          expect(response.status(), `${method} ${path}`).toBe(401);
          expect(await response.json(), `${method} ${path}`).toMatchObject({
            success: false,
            error: { code: "unauthenticated" },
          });
        }
      }
    });
  });
}

test.describe("as a viewer", () => {
  test.use({ role: "viewer" });

  test("every mutating route answers 403", async ({ api }) => {
    for (const { path, methods } of protectedApi) {
      for (const method of methods.filter(isMutating)) {
        if (OPEN_TO_VIEWERS.has(`${method} ${path}`)) continue;
        const response = await api.fetch(path, { method, data: {} });
        expect(response.status(), `${method} ${path}`).toBe(403);
        expect(await response.json(), `${method} ${path}`).toMatchObject({
          success: false,
          error: { code: "forbidden" },
        });
      }
    }
  });
});

test.describe("as staff", () => {
  test.use({ role: "staff" });

  test("account management answers 403", async ({ api }) => {
    expect((await api.get("/api/users")).status()).toBe(403);
    expect((await api.post("/api/users", { data: {} })).status()).toBe(403);
    expect((await api.patch("/api/users/1", { data: { role: "staff" } })).status()).toBe(403);
    expect((await api.post("/api/users/1/password", { data: {} })).status()).toBe(403);
  });
});

test.describe("writes", () => {
  test.use({ role: "admin" });
  const account = (email: string) => ({ email, role: "viewer", password: "a-long-enough-password" });

  test("from another origin are refused", async ({ api }) => {
    const attempts: Record<string, string>[] = [
      { Origin: "http://evil.example" },
      { Origin: "null" },
      { Origin: "http://evil.example", "Sec-Fetch-Site": "cross-site" },
      { "Sec-Fetch-Site": "same-site" },
    ];
    for (const headers of attempts) {
      const response = await api.post("/api/users", { headers, data: account("csrf@dealer.test") });
      expect(response.status(), JSON.stringify(headers)).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: "cross_origin" } });
    }
    const users = await (await api.get("/api/users")).json();
    expect(users.users.map((user: { email: string }) => user.email)).not.toContain("csrf@dealer.test");
  });

  test("from this origin are accepted by Origin or by Sec-Fetch-Site", async ({ api, page }) => {
    expect((await api.post("/api/users", { data: account("by-origin@dealer.test") })).status()).toBe(201);
    // page.request shares the signed-in cookies but sends no Origin of its own.
    const bySecFetch = await page.request.post("/api/users", {
      headers: { "Sec-Fetch-Site": "same-origin" },
      data: account("by-fetch-site@dealer.test"),
    });
    expect(bySecFetch.status()).toBe(201);
    const withNeither = await page.request.post("/api/users", { data: account("no-headers@dealer.test") });
    expect(withNeither.status()).toBe(403);
  });

  test("that are not JSON are refused with 415", async ({ api }) => {
    const response = await api.post("/api/users", {
      headers: { "Content-Type": "text/plain" },
      data: JSON.stringify(account("plain@dealer.test")),
    });
    expect(response.status()).toBe(415);
    expect(await response.json()).toMatchObject({
      success: false,
      error: { code: "unsupported_media_type" },
    });
  });

  test("that don't fit the schema get 422 with the fields named", async ({ api }) => {
    const response = await api.post("/api/users", {
      data: { email: "not-an-email", role: "owner", password: "short" },
    });
    expect(response.status()).toBe(422);
    expect((await response.json()).error.fields).toEqual({
      email: expect.stringContaining("valid email"),
      role: expect.stringContaining("Choose one of"),
      password: "Use at least 12 characters",
    });
  });
});

test("every response carries the security headers", async ({ request, baseURL }) => {
  for (const path of ["/sign-in", "/api/health", "/customers", "/api/users"]) {
    const response = await request.get(path, { maxRedirects: 0, headers: { Origin: baseURL! } });
    const headers = response.headers();
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], path).toContain("default-src 'self'");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
  }
});

test("no API answer may be stored, whatever its status", async ({ apiAs }) => {
  const signedOut = await apiAs(undefined);
  const admin = await apiAs("admin");
  for (const [label, response] of [
    ["health", await signedOut.get("/api/health")],
    ["401", await signedOut.get("/api/users")],
    ["403", await admin.post("/api/users", { headers: { Origin: "http://evil.example" }, data: {} })],
    ["users", await admin.get("/api/users")],
    ["emulator control", await admin.get("/api/emulator/faults")],
  ] as const) {
    expect(response.headers()["cache-control"], label).toBe("no-store");
  }
});

test("Strict-Transport-Security is sent when the page came over https, and only then", async ({
  request,
}) => {
  for (const path of ["/sign-in", "/api/health"]) {
    const overHttps = await request.get(path, { headers: { "X-Forwarded-Proto": "https" } });
    expect(overHttps.headers()["strict-transport-security"], path).toBe("max-age=31536000");
    expect((await request.get(path)).headers()["strict-transport-security"], path).toBeUndefined();
  }
});

test.describe("pages", () => {
  test.use({ role: "admin" });

  /** The page's one policy, its script sources, and the nonce on each of its <script> tags. */
  async function pagePolicy(response: APIResponse) {
    const policies = response.headersArray().filter(({ name }) => /^content-security-policy$/i.test(name));
    expect(policies, response.url()).toHaveLength(1);
    const scriptSrc = policies[0]!.value
      .split("; ")
      .find((directive) => directive.startsWith("script-src "))!;
    const scriptTags = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
    return {
      scriptSrc,
      nonce: /'nonce-([^']+)'/.exec(scriptSrc)?.[1],
      tagNonces: scriptTags.map((tag) => /\snonce="([^"]*)"/.exec(tag)?.[1]),
    };
  }

  test("allow scripts by a nonce of their own, never by 'unsafe-inline', and are never stored", async ({
    api,
    apiAs,
  }) => {
    const signedOut = await apiAs(undefined);
    const nonces = new Set<string>();
    for (const [path, client, status] of [
      ["/customers", api, 200],
      ["/uploads/new", api, 200],
      ["/settings/users", api, 200],
      ["/no-such-page", api, 404],
      ["/sign-in", signedOut, 200],
      ["/sign-in", signedOut, 200],
    ] as const) {
      const response = await client.get(path);
      expect(response.status(), path).toBe(status);
      const { scriptSrc, nonce, tagNonces } = await pagePolicy(response);
      expect(scriptSrc, path).not.toContain("'unsafe-inline'");
      expect(nonce, path).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(tagNonces.length, path).toBeGreaterThan(0);
      expect(new Set(tagNonces), path).toEqual(new Set([nonce]));
      nonces.add(nonce!);
      expect(response.headers()["cache-control"], path).toContain("no-store");
    }
    expect(nonces.size, "a fresh nonce for every response").toBe(6);
  });

  test("run without a policy violation: every page, the 404 page, the banner and the upload wizard's worker", async ({
    page,
    browser,
    baseURL,
  }) => {
    const violations: string[] = [];
    const watch = (source: string, message: ConsoleMessage) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(`${source}: ${message.text()}`);
    };
    page.on("console", (message) => watch(page.url(), message));
    const workers: string[] = [];
    page.on("worker", (worker) => {
      workers.push(worker.url());
      worker.on("console", (message) => watch(`worker ${worker.url()}`, message));
    });

    for (const path of protectedPages) {
      await page.goto(path);
      await expect(page.locator("main").first(), path).toBeVisible();
    }
    await expect(page.getByRole("status").filter({ hasText: "Emulator: simulated data" })).toBeVisible();
    await page.goto("/no-such-page");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();

    const wizard = new UploadWizardPage(page);
    await wizard.goto();
    await wizard.drop("bom-crlf.csv");
    await wizard.expectStep("Check the header row");
    expect(workers, "the CSV pipeline ran in its worker").toHaveLength(1);

    // Signed out: the sign-in page and its demo banner, and signing in through the form.
    const signedOut = await browser.newPage({ baseURL, storageState: { cookies: [], origins: [] } });
    signedOut.on("console", (message) => watch(signedOut.url(), message));
    await new SignInPage(signedOut).goto();
    await expect(signedOut.getByRole("status").filter({ hasText: "Emulator: simulated data" })).toBeVisible();
    await new SignInPage(signedOut).signIn("staff@demo.local", "demo-password");
    await expect(signedOut).toHaveURL(/\/$/);
    await signedOut.close();

    expect(violations).toEqual([]);
  });
});

test.describe("the emulator's test controls", () => {
  test.use({ role: "admin" });

  test("refuse a write from another site, a body that isn't JSON and an oversize body", async ({ api }) => {
    // What another site's page can send without a preflight: a text/plain form or no-cors fetch.
    const crossSite = await api.post("/api/emulator/sightings", {
      headers: { Origin: "http://evil.example", "Content-Type": "text/plain" },
      data: JSON.stringify({ customer_id: "nope" }),
    });
    expect(crossSite.status()).toBe(403);
    expect(await crossSite.json()).toMatchObject({ error: { code: "cross_origin" } });

    const plain = await api.put("/api/emulator/faults", {
      headers: { "Content-Type": "text/plain" },
      data: JSON.stringify({ errorRate: 0 }),
    });
    expect(plain.status()).toBe(415);

    const oversize = await api.put("/api/emulator/faults", {
      data: { errorRate: 0, padding: "x".repeat(70_000) },
    });
    expect(oversize.status()).toBe(413);
    expect(await oversize.json()).toEqual({
      success: false,
      message: "Request body too large (the limit is 65536 bytes)",
    });

    // The same write, small and as JSON from the dashboard's origin, goes through.
    expect((await api.put("/api/emulator/faults", { data: { errorRate: 0 } })).status()).toBe(200);
  });
});
