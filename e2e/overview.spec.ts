import { expect, test } from "./fixtures";
import { formatContactTime, formatRate, weekLabel } from "@/components/overview/overview-display";
import { formatCount } from "@/lib/format";
import { LEAD_OUTCOMES, NOT_CONTACTED_LEADS_HREF, type LeadOverview } from "@/lib/leads/overview";
import { OverviewPage } from "./pages/overview-page";
import { expectAccessible } from "./support/axe";
import { expectFitsPhone, phone } from "./support/phone-layout";

/**
 * The overview shows what GET /api/overview counts: the page is compared with the API rather than
 * with fixed numbers, because the demo's leads are whatever the start-up sync made of the
 * emulator's sightings (and the figures depend on today's date). Where the API has no leads yet,
 * the page must say so instead.
 */

async function overviewFromApi(api: import("@playwright/test").APIRequestContext): Promise<LeadOverview> {
  const response = await api.get("/api/overview");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { overview: LeadOverview }).overview;
}

async function expectShowsOverview(overviewPage: OverviewPage, overview: LeadOverview) {
  if (!overview.anyLeads) {
    await expect(overviewPage.emptyState).toBeVisible();
    await expect(
      overviewPage.page.getByText("They appear when a past customer's car is listed for sale."),
    ).toBeVisible();
    return;
  }
  const newLeads = overviewPage.figure("New leads this week");
  await expect(overviewPage.figureValue("New leads this week")).toHaveText(
    formatCount(overview.newLeads.thisWeek),
  );
  await expect(newLeads).toContainText(`Last week: ${formatCount(overview.newLeads.lastWeek)}`);

  const waiting = overviewPage.figure("Not contacted after 24 hours").getByRole("link");
  await expect(waiting).toHaveAccessibleName(
    new RegExp(`^${formatCount(overview.notContacted)} leads? not contacted`),
  );
  await expect(waiting).toHaveAttribute("href", NOT_CONTACTED_LEADS_HREF);

  const { medianMinutes, contacted } = overview.firstContact;
  const firstContact = overviewPage.figure("Median time to first contact");
  await expect(firstContact).toContainText(
    medianMinutes === null ? "None yet" : formatContactTime(medianMinutes),
  );
  await expect(firstContact).toContainText(`over the ${formatCount(contacted)} lead`);

  const won = overviewPage.figure("Won this month");
  await expect(overviewPage.figureValue("Won this month")).toHaveText(formatCount(overview.thisMonth.won));
  const { winRate } = overview.thisMonth;
  await expect(won).toContainText(`Win rate: ${winRate === null ? "none closed yet" : formatRate(winRate)}`);
  await expect(won).toContainText("Won ÷ (won + lost)");

  await expect(overviewPage.chart).toBeVisible();
  await overviewPage.showTable.click();
  const rows = overviewPage.weeksTable.locator("tbody tr");
  await expect(rows).toHaveCount(overview.weeks.length);
  for (const [index, week] of overview.weeks.entries()) {
    const counts = LEAD_OUTCOMES.map((outcome) => week[outcome]);
    await expect(rows.nth(index).getByRole("cell")).toHaveText(
      [...counts, counts.reduce((sum, count) => sum + count, 0)].map(formatCount),
    );
    await expect(rows.nth(index).getByRole("rowheader")).toHaveText(weekLabel(week.monday));
  }
}

test.describe("the overview", () => {
  test.use({ role: "viewer" });

  test("is where people land, first in the navigation", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/$/);
    await expect(page).toHaveTitle("Overview · Recapture Dashboard");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link").first()).toHaveText("Overview");
    await expect(nav.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
  });

  test("shows the API's figures as cards, the weeks as a chart and a table, and passes axe", async ({
    page,
    api,
  }) => {
    const overview = await overviewFromApi(api);
    const overviewPage = new OverviewPage(page);
    await overviewPage.goto();
    await expectShowsOverview(overviewPage, overview);
    await expectAccessible(page, overview.anyLeads ? "the overview" : "the overview without leads");
  });

  test.describe("on a phone", () => {
    test.use(phone);

    test("fits 390 px with its figures, chart and table", async ({ page, api }) => {
      const overview = await overviewFromApi(api);
      const overviewPage = new OverviewPage(page);
      await overviewPage.goto();
      await expectShowsOverview(overviewPage, overview);
      await expectFitsPhone(page, "viewer overview");
      await expectAccessible(page, "the overview on a phone");
    });
  });
});
