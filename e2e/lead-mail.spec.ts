import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectAccessible } from "./support/axe";
import { digestDueAt } from "./support/digest";
import { listACarToday } from "./support/lead-news";
import { expectFitsPhone, phone } from "./support/phone-layout";

/**
 * Lead emails on the emulator, where nothing is configured for SMTP: every
 * message waits in the outbox that admins read. The digest's time is driven
 * through the emulator-only test hook (POST /api/test-hooks/digest?at=…).
 *
 * The digest test needs news: the demo customers' sightings are the
 * dealership's history, so it has the emulator list a car today.
 */

/** Drives the digest at the first minute it is due (e2e/support/digest.ts). */
async function driveDigest(admin: APIRequestContext) {
  const response = await admin.post(`/api/test-hooks/digest?at=${encodeURIComponent(digestDueAt())}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as { outcome: string };
}

test.describe("the outbox", () => {
  test.use({ role: "admin" });

  test("a digest driven by the test hook waits in the outbox, skipping a manager who turned email off", async ({
    page,
    api,
    apiAs,
  }) => {
    const manager = await apiAs("manager");
    expect((await manager.put("/api/me/preferences/email:leads", { data: { value: false } })).status()).toBe(
      200,
    );
    try {
      await listACarToday(api);
      expect(await driveDigest(api)).toMatchObject({ outcome: "sent" });
      // A second run the same day finds the day's digest taken.
      expect(await driveDigest(api)).toMatchObject({ outcome: "already-sent" });
    } finally {
      await manager.put("/api/me/preferences/email:leads", { data: { value: true } });
    }

    await page.goto("/settings/outbox");
    await expect(page.getByRole("heading", { name: "Outbox" })).toBeVisible();
    await expect(page.getByText("mail goes to the outbox (no SMTP_URL set)", { exact: false })).toBeVisible();
    const table = page.getByRole("table", { name: "Emails, newest first" });
    const digest = table.getByRole("row").filter({ hasText: "Daily digest" }).first();
    await expect(digest).toContainText("admin@demo.local");
    await expect(digest).toContainText("In outbox");
    await expect(digest.getByRole("link", { name: /^Leads for \d{2}\/\d{2}\/\d{4}: / })).toBeVisible();
    await expect(table.getByRole("row").filter({ hasText: "manager@demo.local" })).toHaveCount(0);
    await expectAccessible(page, "the outbox");

    await digest.getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1, name: /^Leads for / })).toBeVisible();
    const text = page.getByLabel("Message text");
    await expect(text).toContainText("Since the last digest:");
    await expect(text).toContainText(/See every lead: http:\/\/localhost:\d+\/leads/);
    await expectAccessible(page, "an email in the outbox");
    await page.getByRole("link", { name: "← Outbox" }).click();
    await expect(page).toHaveURL(/\/settings\/outbox$/);
  });

  test("is an admin's page, linked from the menu", async ({ page, apiAs }) => {
    await page.goto("/customers");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Outbox" }).click();
    await expect(page.getByRole("heading", { name: "Outbox" })).toBeVisible();

    const staff = await apiAs("staff");
    expect((await staff.post("/api/test-hooks/digest")).status()).toBe(403);
  });
});

test.describe("email notifications", () => {
  test.use({ role: "staff" });

  test("a salesperson turns lead emails off and on again, and the choice stays", async ({ page }) => {
    await page.goto("/customers");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Notifications" }).click();
    await expect(page.getByRole("heading", { name: "Notifications" })).toBeVisible();
    const emails = page.getByRole("switch", { name: "Email notifications" });
    await expect(emails).toHaveAttribute("aria-checked", "true");
    await expect(page.getByText("when a lead is assigned to you", { exact: false })).toBeVisible();
    await expectAccessible(page, "notification settings");

    const saved = page.waitForResponse(
      (response) =>
        response.url().includes("/api/me/preferences/email") && response.request().method() === "PUT",
    );
    await emails.press("Space");
    await expect(emails).toHaveAttribute("aria-checked", "false");
    expect((await saved).status()).toBe(200);
    await expect(page.getByText("You get no lead emails.")).toBeVisible();

    await page.reload();
    await expect(page.getByRole("switch", { name: "Email notifications" })).toHaveAttribute(
      "aria-checked",
      "false",
    );
    await page.getByRole("switch", { name: "Email notifications" }).click();
    await expect(page.getByRole("switch", { name: "Email notifications" })).toHaveAttribute(
      "aria-checked",
      "true",
    );
    await expect(page.getByText("You get these emails.")).toBeVisible();
  });
});

test.describe("on a phone", () => {
  test.use({ role: "admin", ...phone });

  test("the outbox, an email and the notifications switch fit a phone", async ({ page }) => {
    await page.goto("/settings/notifications");
    await expect(page.getByRole("switch", { name: "Email notifications" })).toBeVisible();
    await expectFitsPhone(page, "notification settings");
    await page.goto("/settings/outbox");
    await expect(page.getByRole("heading", { name: "Outbox" })).toBeVisible();
    await expectFitsPhone(page, "the outbox");
    const email = page.getByRole("table", { name: "Emails, newest first" }).getByRole("link").first();
    if ((await email.count()) > 0) {
      await email.click();
      await expect(page.getByLabel("Message text")).toBeVisible();
      await expectFitsPhone(page, "an email");
    }
  });
});
