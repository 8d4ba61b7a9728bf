import { spawnSync } from "node:child_process";
import { expect, test } from "./fixtures";

test.describe("app shell", () => {
  // Staff see every section of the main navigation but the admin settings.
  test.use({ role: "staff" });

  test("navigation leads to each section with its own title", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveTitle("Overview · Recapture Dashboard");
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const [label, path, title] of [
      ["Uploads", "/uploads", "Uploads"],
      ["New upload", "/uploads/new", "New upload"],
      ["Customers", "/customers", "Customers"],
      ["Overview", "/", "Overview"],
    ] as const) {
      await nav.getByRole("link", { name: label, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(page).toHaveTitle(`${title} · Recapture Dashboard`);
      await expect(nav.getByRole("link", { name: label, exact: true })).toHaveAttribute(
        "aria-current",
        "page",
      );
    }
  });

  test("shows the emulator banner when no API key is configured", async ({ page }) => {
    await page.goto("/customers");
    await expect(page.getByRole("status").filter({ hasText: "Emulator: simulated data" })).toBeVisible();
  });

  test("an unknown address shows a friendly 404 page", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await page.getByRole("link", { name: "Go to customers" }).click();
    await expect(page).toHaveURL(/\/customers$/);
  });

  test("health reports the mode to anyone, and the version only to someone signed in", async ({
    api,
    apiAs,
  }) => {
    const signedOut = await (await apiAs(undefined)).get("/api/health");
    expect(signedOut.status()).toBe(200);
    expect(await signedOut.json()).toEqual({ status: "ok", mode: "emulator" });
    expect(await (await api.get("/api/health")).json()).toEqual({
      status: "ok",
      mode: "emulator",
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
  });

  test("a bad RECAPTURE_REGION stops start-up and names the variable", () => {
    const result = spawnSync("npx", ["next", "start", "-p", "3999"], {
      env: { ...process.env, RECAPTURE_REGION: "mars", NEXT_TELEMETRY_DISABLED: "1" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("RECAPTURE_REGION: must be one of au, nz, uk, my");
  });
});
