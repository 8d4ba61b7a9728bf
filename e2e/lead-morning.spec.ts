import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { formatContactTime, formatRate } from "@/components/overview/overview-display";
import { formatCount } from "@/lib/format";
import { winRate, type LeadOverview } from "@/lib/leads/overview";
import { DEMO_PASSWORD, demoEmail, expect, test, type Role } from "./fixtures";
import { AppShell } from "./pages/app-shell";
import { OverviewPage } from "./pages/overview-page";
import { SignInPage } from "./pages/sign-in-page";
import { expectAccessible } from "./support/axe";
import { leadsFromApi, rowKeys } from "./support/leads-inbox";
import { listCarNow, syncPass } from "./support/market";

/**
 * The issue's morning, as one story in Chromium. Overnight the market lists three past customers'
 * cars (the emulator's control endpoints) and the sync reads them. In the morning the manager signs
 * in, lands on the leads inbox with those three first, and assigns them to Demo Staff in one action.
 * The salesperson, in a browser of their own, finds them under "mine", marks one Contacted with a
 * note and later Won, and the lead's history shows who did what. The overview's figures move by
 * exactly that: they are read before and after, because other specs share the app and its leads.
 */

const SALESPERSON = "Demo Staff";
const NOTE = "Rang the owner: keen to trade in before the holidays";

interface DemoCustomer {
  id: string;
  monitor_end_date: string | null;
}

async function overviewFromApi(api: APIRequestContext): Promise<LeadOverview> {
  const response = await api.get("/api/overview");
  expect(response.status(), "GET /api/overview").toBe(200);
  return ((await response.json()) as { overview: LeadOverview }).overview;
}

/** Three demo customers still monitored, so the market may list their cars today. */
async function monitoredDemoCustomers(api: APIRequestContext): Promise<DemoCustomer[]> {
  const response = await api.get("/api/recapture/customers?limit=200");
  expect(response.ok(), "GET /api/recapture/customers").toBe(true);
  const { customers } = (await response.json()) as { customers: DemoCustomer[] };
  const today = new Date().toISOString().slice(0, 10);
  const monitored = customers.filter(
    (customer) => customer.monitor_end_date === null || customer.monitor_end_date.slice(0, 10) >= today,
  );
  expect(monitored.length, "monitored demo customers").toBeGreaterThanOrEqual(3);
  return monitored.slice(-3);
}

/** The market lists each customer's car now; the lead ids of the new sightings. */
async function listCarsForSale(api: APIRequestContext, customers: DemoCustomer[]): Promise<string[]> {
  const leadIds: string[] = [];
  for (const customer of customers) {
    const sighting = await listCarNow(api, customer.id);
    expect(sighting, `a sighting for customer ${customer.id}`).toBeDefined();
    leadIds.push(sighting!.lead_id);
  }
  return leadIds;
}

/** A person's own browser, signed in through the form as anyone would. */
async function signInAs(browser: Browser, role: Role): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(demoEmail(role), DEMO_PASSWORD);
  await expect(signIn.submit).toBeHidden();
  return page;
}

const leadRow = (page: Page, key: number) =>
  page
    .getByRole("table", { name: "Leads" })
    .getByRole("row")
    .filter({ has: page.locator(`a[href="/leads/${key}"]`) });

test.describe("the morning's leads", () => {
  // Signed out: each person signs in through the form, in a browser of their own.
  test("overnight sightings reach the manager first, go to a salesperson, and are worked to Won", async ({
    browser,
    apiAs,
  }) => {
    test.setTimeout(120_000);
    const api = await apiAs("manager");
    const admin = await apiAs("admin");
    const salesperson = await apiAs("staff");

    // Overnight. Sightings other specs left for the next pass are read first, so the night's own
    // are the newest leads of all.
    await syncPass(admin);
    const before = await overviewFromApi(api);
    const alreadyTheirs = await leadsFromApi(salesperson, "?assignee=mine&size=500");
    const leadIds = await listCarsForSale(api, await monitoredDemoCustomers(api));
    await syncPass(admin);
    const newest = await leadsFromApi(api, "?size=25");
    const keys = newest.leads.filter((lead) => leadIds.includes(lead.leadId)).map((lead) => lead.key);
    expect(keys, "the night's sightings are leads").toHaveLength(leadIds.length);
    expect(
      newest.leads.slice(0, keys.length).map((lead) => lead.key),
      "the night's leads are the newest",
    ).toEqual(keys);

    // Morning: the manager signs in and lands on the inbox, the night's leads on top.
    const manager = await signInAs(browser, "manager");
    try {
      await expect(manager).toHaveURL(/\/leads$/);
      await expect(manager.getByRole("columnheader", { name: "Seen" })).toHaveAttribute(
        "aria-sort",
        "descending",
      );
      expect(await rowKeys(manager), "newest first, the night's leads on top").toEqual(
        newest.leads.map((lead) => lead.key),
      );
      for (const key of keys) {
        const row = leadRow(manager, key);
        await expect(row).toContainText("New");
        await expect(row).toContainText("Nobody");
        await expect(row).toContainText("Listed today");
        await row.getByRole("checkbox").check();
      }

      const bar = manager.getByRole("region", { name: "Selected leads" });
      await expect(bar).toContainText("3 leads selected");
      await expectAccessible(manager, "/leads with three leads selected");
      await bar.getByLabel("Assign to…").selectOption({ label: SALESPERSON });
      await bar.getByRole("button", { name: "Assign", exact: true }).click();
      await expect(
        manager.locator("[data-sonner-toaster]").getByText(`3 leads assigned to ${SALESPERSON}`),
      ).toBeVisible();
      await expect(bar).toBeHidden();
      for (const key of keys) await expect(leadRow(manager, key)).toContainText(SALESPERSON);

      // The salesperson, in their own browser, finds the three under "mine", with what was theirs already.
      const staff = await signInAs(browser, "staff");
      try {
        await new AppShell(staff).navLink("Leads").click();
        await expect(staff).toHaveURL(/\/leads$/);
        await staff
          .getByRole("search", { name: "Search and filter leads" })
          .locator("..")
          .getByLabel("Assignee")
          .selectOption("mine");
        await expect(staff).toHaveURL(/assignee=mine/);
        await expect(staff.getByTestId("leads-total")).toHaveText(
          `${formatCount(alreadyTheirs.total + 3)} matching leads`,
        );
        const mine = await rowKeys(staff);
        expect(mine.slice(0, 3), "the three assigned this morning, newest first").toEqual(keys);
        expect(mine.slice(3)).toEqual(alreadyTheirs.leads.slice(0, mine.length - 3).map((lead) => lead.key));

        // One of them: a call, a note, and later a sale.
        const [worked] = keys;
        await leadRow(staff, worked!).getByRole("rowheader").getByRole("link").click();
        await expect(staff).toHaveURL(new RegExp(`/leads/${worked}$`));
        const history = staff.getByRole("list", { name: "History" });
        const changeStatus = staff.getByRole("form", { name: "Change status" });
        await expect(history.getByText(`Assigned to ${SALESPERSON}`)).toBeVisible();
        await changeStatus.getByLabel("New status").selectOption({ label: "Contacted" });
        await changeStatus.getByLabel(/^Note/).fill(NOTE);
        await staff.getByRole("button", { name: "Save status" }).click();
        await expect(history.getByText("Status changed from New to Contacted")).toBeVisible();

        await staff.reload();
        await changeStatus.getByLabel("New status").selectOption({ label: "Won" });
        await staff.getByRole("button", { name: "Save status" }).click();
        await expect(history.getByText("Status changed from Contacted to Won")).toBeVisible();

        // The history, newest first: who assigned it, who called and what they noted, who won it.
        const step = (title: string) => history.getByRole("listitem").filter({ hasText: title });
        await expect(step(`Assigned to ${SALESPERSON}`)).toContainText("Demo Manager");
        await expect(step("Status changed from New to Contacted")).toContainText(NOTE);
        await expect(step("Status changed from New to Contacted")).toContainText(SALESPERSON);
        await expect(step("Status changed from Contacted to Won")).toContainText(SALESPERSON);
        await expect(history.getByRole("listitem").first()).toContainText(
          "Status changed from Contacted to Won",
        );
        await expect(staff.getByRole("list", { name: "Notes" })).toContainText(NOTE);
      } finally {
        await staff.context().close();
      }

      // The overview moves by exactly the morning's work.
      const after = await overviewFromApi(api);
      expect(after.thisMonth.won).toBe(before.thisMonth.won + 1);
      expect(after.thisMonth.lost).toBe(before.thisMonth.lost);
      expect(after.thisMonth.winRate).toBe(winRate(after.thisMonth.won, after.thisMonth.lost));
      expect(after.firstContact.contacted).toBe(before.firstContact.contacted + 1);
      expect(after.firstContact.medianMinutes).not.toBeNull();
      expect(after.newLeads.thisWeek).toBeGreaterThanOrEqual(before.newLeads.thisWeek + 3);
      expect(after.notContacted, "fresh leads aren't overdue").toBe(before.notContacted);

      const overview = new OverviewPage(manager);
      await overview.goto();
      await expect(overview.figureValue("Won this month")).toHaveText(formatCount(after.thisMonth.won));
      await expect(overview.figure("Won this month")).toContainText(
        `Win rate: ${formatRate(after.thisMonth.winRate!)}`,
      );
      await expect(overview.figure("Median time to first contact")).toContainText(
        formatContactTime(after.firstContact.medianMinutes!),
      );
      await expect(overview.figureValue("New leads this week")).toHaveText(
        formatCount(after.newLeads.thisWeek),
      );
      await expect(overview.figure("Not contacted after 24 hours").getByRole("link")).toHaveAccessibleName(
        new RegExp(`^${formatCount(after.notContacted)} leads? not contacted`),
      );
      await expectAccessible(manager, "the overview after the morning");
    } finally {
      await manager.context().close();
    }
  });
});
