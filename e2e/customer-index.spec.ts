import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectAccessible } from "./support/axe";

/**
 * The customer index's status on the customers page: where it stands, a first pass's progress, a
 * failed pass, and an administrator's "Sync now". The server indexed the demo customers at
 * start-up; the states it can't be brought into on cue (a first pass, a failure) are the status
 * route's answers stood in for, on a clock the test moves to the page's next look.
 */

const UP_TO_DATE = /^([\d,]+) customers, up to date at (\d\d\/\d\d\/\d{4} )?\d\d:\d\d$/;

function indexStatus(page: Page) {
  const section = page.getByRole("region", { name: "Customer index" });
  return {
    section,
    line: section.getByRole("status"),
    progress: section.getByRole("progressbar", { name: "Indexing customers" }),
    syncNow: section.getByRole("button", { name: /^(Sync now|Syncing…)$/ }),
  };
}

async function indexedCount(page: Page): Promise<number> {
  const text = (await indexStatus(page).line.textContent()) ?? "";
  return Number(UP_TO_DATE.exec(text)?.[1]?.replaceAll(",", ""));
}

test.describe("customer index status", () => {
  test.use({ role: "staff" });

  test("says how many customers are indexed and since when, and counts a customer added here at once", async ({
    page,
    api,
  }) => {
    const status = indexStatus(page);
    await page.goto("/customers");
    await expect(status.line).toHaveText(UP_TO_DATE);
    await expect(status.syncNow).toHaveCount(0);
    await expectAccessible(page, "customers page with the index status");

    const before = await indexedCount(page);
    const created = await api.put("/api/recapture/customers", {
      data: { customer: { rego: `IDX${Date.now().toString(36).slice(-5).toUpperCase()}`, state: "VIC" } },
    });
    expect(created.ok()).toBe(true);
    await page.reload();
    await expect(status.line).toHaveText(UP_TO_DATE);
    expect(await indexedCount(page)).toBe(before + 1);
  });

  test("shows a first pass's progress, and a failed pass with when it tries again", async ({ page }) => {
    const status = indexStatus(page);
    await page.clock.install();
    await page.goto("/customers");
    await expect(status.line).toHaveText(UP_TO_DATE);

    const answer = { region: "au", customers: 12_000, ready: false, upToDateAt: null, requested: false };
    await page.route("**/api/customers/index-status", (route) =>
      route.fulfill({
        json: { status: { ...answer, progress: { done: 12_000, total: 23_412 }, failure: null } },
      }),
    );
    // The page looks again every 30 s while the index is up to date (once it has hydrated and set its timer).
    await expect(async () => {
      await page.clock.fastForward(31_000);
      await expect(status.line).toHaveText("Indexing 12,000 of 23,412", { timeout: 1_000 });
    }).toPass();
    await expect(status.progress).toHaveAttribute("aria-valuenow", "51");
    await expect(status.progress).toHaveAttribute(
      "aria-valuetext",
      "51%: 12,000 of 23,412 customers indexed",
    );

    const failedAt = new Date(await page.evaluate(() => Date.now()));
    const retryAt = new Date(failedAt.getTime() + 60_000);
    await page.unrouteAll();
    await page.route("**/api/customers/index-status", (route) =>
      route.fulfill({
        json: {
          status: {
            ...answer,
            progress: null,
            failure: {
              message: "The Recapture API had a problem. Please try again.",
              at: failedAt.toISOString(),
              retryAt: retryAt.toISOString(),
            },
          },
        },
      }),
    );
    // Every 2 s while a pass runs.
    await expect(async () => {
      await page.clock.fastForward(3_000);
      await expect(status.line).toHaveText(
        /^The last sync failed: The Recapture API had a problem\. Please try again\. Trying again at \d\d:\d\d\.$/,
        { timeout: 1_000 },
      );
    }).toPass();
    await expect(status.progress).toHaveCount(0);
  });
});

test.describe("Sync now", () => {
  test.use({ role: "admin" });

  test("an administrator asks for a sync, sees it run, and finds it in the audit log", async ({
    page,
    api,
  }) => {
    const upToDateAt = async () =>
      ((await (await api.get("/api/customers/index-status")).json()) as { status: { upToDateAt: string } })
        .status.upToDateAt;
    const status = indexStatus(page);
    await page.goto("/customers");
    await expect(status.line).toHaveText(UP_TO_DATE);
    const before = await upToDateAt();

    await status.syncNow.click();
    await expect(status.syncNow).toHaveText("Syncing…");
    await expect(status.syncNow).toBeDisabled();
    await expect(page.getByText("Sync requested: the customer index updates in a moment.")).toBeVisible();
    // The pass runs within seconds and the line comes back, up to date as of the new pass.
    await expect(status.syncNow).toHaveText("Sync now", { timeout: 20_000 });
    await expect(status.line).toHaveText(UP_TO_DATE);
    expect(Date.parse(await upToDateAt())).toBeGreaterThan(Date.parse(before));

    await page.goto("/settings/audit");
    const row = page.getByRole("row").filter({ hasText: "customers.sync_now" }).first();
    await expect(row).toContainText("admin@demo.local");
    await expect(row).toContainText("Success");
  });
});
