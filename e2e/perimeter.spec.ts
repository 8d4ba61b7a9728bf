import { signInPath } from "../lib/auth/next-path";
import { apiRoutes, appPages, isMutating } from "./support/app-routes";
import { expect, test } from "./fixtures";

/** The header that let requests skip Next.js middleware before CVE-2025-29927 was fixed. */
const SKIP_MIDDLEWARE = {
  "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware",
};

// The emulator's test controls are open by design (404 unless EMULATOR_CONTROL=1 in emulator mode; see app/api/emulator).
const PUBLIC_API = new Set(["/api/health", "/api/auth/sign-in", "/api/emulator/sample/path"]);
const protectedApi = apiRoutes().filter((route) => !PUBLIC_API.has(route.path));
const protectedPages = appPages().filter((path) => path !== "/sign-in");

/** The one write every signed-in account may make. */
const OPEN_TO_VIEWERS = new Set(["POST /api/auth/sign-out"]);

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

test("pages run under the Content-Security-Policy without violations", async ({ page, signInPage }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await signInPage.goto();
  await signInPage.signIn("admin@demo.local", "demo-password");
  await expect(page).toHaveURL(/\/customers$/);
  await page.goto("/settings/users");
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  expect(violations).toEqual([]);
});
