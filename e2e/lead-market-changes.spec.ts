import type { APIRequestContext, Page } from "@playwright/test";
import { e2eServerEnv } from "../playwright.config";
import { expect, test } from "./fixtures";
import { expectAccessible } from "./support/axe";
import { expectTotalAsApiSays, shownTotal } from "./support/leads-inbox";
import { changePrice, listCarNow, relist, syncNow, takeDown } from "./support/market";
import { formatAud, formatDateTime } from "@/lib/format";

/**
 * What the market does to a lead after it is first seen, driven through the
 * emulator's controls and read by the customer sync ("Sync now"), as the
 * dashboard really learns of it: a price cut shows as a price drop in the
 * inbox, on the lead's page and in the assignee's email (the outbox: e2e has
 * no SMTP_URL); a listing taken down is "No longer listed", and one put up
 * again is listed again with its status untouched.
 *
 * The lead is this spec's own: a sighting the control API gives a demo
 * customer now, so it starts New whatever other specs do to the demo's leads.
 * The tests run in order on that one lead.
 */

test.describe.configure({ mode: "serial" });

/** The first price cut: the inbox shows "$27,000 ▼ $1,500". */
const CUT = 1_500;
/** The key the dashboard calls its embedded emulator with: never in an email. */
const API_KEY = process.env.EMULATOR_API_KEYS?.split(",")[0] ?? "demo-key";
const TIME_ZONE = e2eServerEnv.DEALERSHIP_TIME_ZONE;

interface LeadDetail {
  lead: {
    key: number;
    leadId: string;
    status: string;
    price: number | null;
    firstPrice: number | null;
    noLongerListedAt: string | null;
    assignee: { id: number; name: string } | null;
  };
  events: { kind: string; data: Record<string, unknown> | null }[];
}

/** This spec's lead, once the first test has found it. */
let ours: { key: number; leadId: string; customerId: string; rego: string; firstPrice: number };

async function leadDetail(api: APIRequestContext, key: number): Promise<LeadDetail> {
  const response = await api.get(`/api/leads/${key}`);
  expect(response.status(), `GET /api/leads/${key}`).toBe(200);
  return (await response.json()) as LeadDetail;
}

/** Asks for a sync and waits until the lead reads as `expected` says. */
async function afterSync(
  admin: APIRequestContext,
  api: APIRequestContext,
  expected: (detail: LeadDetail) => boolean,
  message: string,
): Promise<LeadDetail> {
  await syncNow(admin);
  let detail: LeadDetail | undefined;
  await expect
    .poll(
      async () => {
        detail = await leadDetail(api, ours.key);
        return expected(detail);
      },
      { timeout: 60_000, message },
    )
    .toBe(true);
  return detail!;
}

/** GET /api/leads for a query: its total, and whether our lead is among the matches. */
async function listed(api: APIRequestContext, query: string): Promise<{ total: number; ours: boolean }> {
  const response = await api.get(`/api/leads?${query}&size=100`);
  expect(response.status(), `GET /api/leads?${query}`).toBe(200);
  const { total, leads } = (await response.json()) as { total: number; leads: { key: number }[] };
  return { total, ours: leads.some(({ key }) => key === ours.key) };
}

const ofType = (type: string) => `type=${type}&q=${encodeURIComponent(ours.rego)}`;

/** The total the inbox shows ("37 leads", "5 matching leads"), once loaded. */
/**
 * Opens the inbox, picks a type as a manager does, checks the count against the API, then searches
 * for our lead's rego (the count again): the row of our lead, as the inbox shows it.
 */
async function inboxRowOfType(page: Page, api: APIRequestContext, label: string, type: string) {
  await page.goto("/leads");
  await shownTotal(page);
  const filters = page.getByRole("search", { name: "Search and filter leads" }).locator("..");
  await filters.getByLabel("Type").selectOption({ label });
  await expect(page).toHaveURL(new RegExp(`type=${type}`));
  await expectTotalAsApiSays(page, api);
  await page.getByRole("searchbox", { name: "Search" }).fill(ours.rego);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/q=/);
  await expectTotalAsApiSays(page, api);
  return page
    .getByRole("table", { name: "Leads" })
    .getByRole("row")
    .filter({ has: page.locator(`a[href="/leads/${ours.key}"]`) });
}

const history = (page: Page) => page.getByRole("list", { name: "History" });
const fact = (page: Page, term: string) =>
  page.locator("dl > div").filter({ has: page.getByRole("term").getByText(term, { exact: true }) });

test.describe("price changes and delistings from the market", () => {
  test.use({ role: "manager" });

  test("a car listed now is a New lead, and a manager assigns it to a salesperson", async ({
    api,
    apiAs,
  }) => {
    const admin = await apiAs("admin");
    const { customers } = (await (await api.get("/api/recapture/customers?limit=100")).json()) as {
      customers: { id: string; rego: string | null }[];
    };
    let found: { customerId: string; rego: string; leadId: string; price: number } | undefined;
    for (const customer of customers) {
      if (!customer.rego) continue;
      const sighting = await listCarNow(api, customer.id);
      if (sighting?.listing_price == null || sighting.listing_price <= CUT * 2) continue;
      found = {
        customerId: customer.id,
        rego: customer.rego,
        leadId: sighting.lead_id,
        price: sighting.listing_price,
      };
      break;
    }
    if (!found) throw new Error("No demo customer with a rego could be given a priced sighting now");

    await syncNow(admin);
    let key: number | undefined;
    await expect
      .poll(
        async () => {
          const response = await api.get(`/api/leads?q=${encodeURIComponent(found.rego)}&size=100`);
          const { leads } = (await response.json()) as { leads: { key: number; leadId: string }[] };
          key = leads.find((lead) => lead.leadId === found.leadId)?.key;
          return key;
        },
        { timeout: 60_000, message: `the sighting ${found.leadId} recorded as a lead` },
      )
      .toBeDefined();
    ours = {
      key: key!,
      leadId: found.leadId,
      customerId: found.customerId,
      rego: found.rego,
      firstPrice: found.price,
    };

    const { lead } = await leadDetail(api, ours.key);
    expect(lead).toMatchObject({ status: "new", assignee: null, price: found.price, noLongerListedAt: null });

    const { assignees } = (await (await api.get("/api/leads/assignees")).json()) as {
      assignees: { id: number; name: string }[];
    };
    const staff = assignees.find(({ name }) => name === "Demo Staff");
    expect(staff, "Demo Staff among the assignees").toBeDefined();
    expect((await api.post(`/api/leads/${ours.key}/assignment`, { data: { userId: staff!.id } })).ok()).toBe(
      true,
    );
    expect((await leadDetail(api, ours.key)).lead.assignee?.name).toBe("Demo Staff");
  });

  test("a price cut is a price drop in the inbox, on the lead's page and in the assignee's email", async ({
    page,
    api,
    apiAs,
    browser,
    sessionFor,
  }) => {
    const admin = await apiAs("admin");
    const from = ours.firstPrice;
    const to = from - CUT;
    const [fromText, toText] = [formatAud(from), formatAud(to)];
    expect((await listed(api, ofType("price_drop"))).ours, "not a price drop before the cut").toBe(false);
    expect((await listed(api, ofType("new_listing"))).ours).toBe(true);

    const { sighting } = await changePrice(api, ours.customerId, ours.leadId, to);
    expect(sighting?.listing_price).toBe(to);
    const { lead } = await afterSync(
      admin,
      api,
      ({ lead }) => lead.price === to,
      `the price cut to ${toText}`,
    );
    expect(lead.firstPrice).toBe(from);
    expect((await listed(api, ofType("price_drop"))).ours).toBe(true);
    expect((await listed(api, ofType("new_listing"))).ours, "no longer a plain new listing").toBe(false);

    const row = await inboxRowOfType(page, api, "Price drop", "price_drop");
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(`${toText}▼ $1,500`);
    await expect(row).toContainText("Demo Staff");

    await page.goto(`/leads/${ours.key}`);
    await expect(history(page).getByText(`Price dropped from ${fromText} to ${toText}`)).toBeVisible();
    await expect(fact(page, "Price")).toContainText(`${toText}▼ $1,500`);

    // The assignee's email waits in the outbox, which only admins read.
    const adminContext = await browser.newContext({ storageState: await sessionFor("admin") });
    try {
      const outbox = await adminContext.newPage();
      const email = outbox
        .getByRole("table", { name: "Emails, newest first" })
        .getByRole("row")
        .filter({ hasText: "staff@demo.local" })
        .filter({ hasText: `Price drop: ` })
        .filter({ hasText: `(${ours.rego}` })
        .filter({ hasText: `now ${toText}` });
      await expect(async () => {
        await outbox.goto("/settings/outbox");
        await expect(email).toHaveCount(1, { timeout: 1_000 });
      }).toPass({ timeout: 20_000 });
      await email.getByRole("link").click();
      await expect(outbox.getByRole("heading", { level: 1, name: /^Price drop: / })).toContainText(ours.rego);
      const text = outbox.getByLabel("Message text");
      await expect(text).toContainText(`went down from ${fromText} to ${toText} (▼ $1,500)`);
      await expect(text).toContainText(`/leads/${ours.key}`);
      expect(await outbox.content(), "no email carries the API key").not.toContain(API_KEY);
    } finally {
      await adminContext.close();
    }
  });

  test("a listing taken down is no longer listed, in the inbox and on the lead's page, since that day", async ({
    page,
    api,
    apiAs,
  }) => {
    const admin = await apiAs("admin");
    // The salesperson has called: taking the listing down and putting it up again must leave that be.
    const staff = await apiAs("staff");
    expect(
      (
        await staff.post(`/api/leads/${ours.key}/status`, { data: { status: "contacted", from: "new" } })
      ).ok(),
    ).toBe(true);
    expect((await listed(api, ofType("no_longer_listed"))).ours, "listed before it is taken down").toBe(
      false,
    );

    const { sighting } = await takeDown(api, ours.customerId, ours.leadId);
    expect(sighting).toBeNull();
    const { lead } = await afterSync(admin, api, ({ lead }) => lead.noLongerListedAt !== null, "taken down");
    expect(lead.status).toBe("contacted");
    expect((await listed(api, ofType("no_longer_listed"))).ours).toBe(true);
    expect((await listed(api, ofType("price_drop"))).ours, "a price drop is one still listed").toBe(false);

    const row = await inboxRowOfType(page, api, "No longer listed", "no_longer_listed");
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("no longer listed");

    const [day] = formatDateTime(lead.noLongerListedAt!, TIME_ZONE).split(" ");
    await page.goto(`/leads/${ours.key}`);
    await expect(fact(page, "Days listed")).toContainText(`(no longer listed since ${day})`);
    await expect(history(page).getByText("No longer listed", { exact: true })).toBeVisible();
    await expectAccessible(page, "a lead's page after price and listing changes");
  });

  test("a listing put up again is listed again, its status untouched", async ({ page, api, apiAs }) => {
    const admin = await apiAs("admin");
    const { sighting } = await relist(api, ours.customerId, ours.leadId);
    expect(sighting?.listing_price).toBe(ours.firstPrice - CUT);
    const { lead } = await afterSync(
      admin,
      api,
      ({ lead }) => lead.noLongerListedAt === null,
      "listed again",
    );
    expect(lead).toMatchObject({ status: "contacted", price: ours.firstPrice - CUT });
    expect((await listed(api, ofType("no_longer_listed"))).ours).toBe(false);
    expect((await listed(api, ofType("price_drop"))).ours, "a price drop again, now it is back").toBe(true);

    await page.goto(`/leads/${ours.key}`);
    await expect(history(page).getByText("Listed again", { exact: true })).toBeVisible();
    await expect(history(page).getByText("No longer listed", { exact: true })).toBeVisible();
    await expect(fact(page, "Days listed")).not.toContainText("no longer listed");
    // The status badge under the title.
    await expect(page.locator("h1 + p")).toContainText("Contacted");
  });
});
