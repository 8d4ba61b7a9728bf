import { DEMO_PASSWORD, demoEmail, expect, test } from "./fixtures";
import type { LeadListResponse } from "@/lib/leads/lead-list";
import { expectAccessible } from "./support/axe";
import { expectTotalAsApiSays, leadsFromApi, rowKeys, shownTotal } from "./support/leads-inbox";
import { expectFitsPhone, phone } from "./support/phone-layout";

/**
 * The leads inbox as a manager uses it: newest first, each filter, sort and
 * search narrowing the list as GET /api/leads says it should (the counts are
 * the server's, not guesses), all of it in the URL, and cards on a phone.
 * The leads are the demo customers' sightings, recorded by the start-up sync.
 */

test.describe("the leads inbox", () => {
  test.use({ role: "manager" });

  let everything: LeadListResponse;

  test.beforeEach(async ({ api }) => {
    await expect
      .poll(async () => (await leadsFromApi(api)).total, {
        message: "leads from the demo sightings",
        timeout: 30_000,
      })
      .toBeGreaterThan(0);
    everything = await leadsFromApi(api);
  });

  test("shows the leads newest first, with their total, and passes axe", async ({ page, shell }) => {
    await page.goto("/leads");
    await expect(page.getByRole("heading", { level: 1, name: "Leads" })).toBeVisible();
    await expect(shell.navLink("Leads")).toHaveAttribute("aria-current", "page");
    expect(await shownTotal(page)).toBe(everything.total);
    expect(await rowKeys(page)).toEqual(everything.leads.map((lead) => lead.key));
    await expect(page.getByRole("columnheader", { name: "Seen" })).toHaveAttribute("aria-sort", "descending");
    await expectAccessible(page, "/leads");
  });

  test("each filter narrows the list as the server counts it, and survives a reload", async ({
    page,
    api,
  }) => {
    await page.goto("/leads");
    await shownTotal(page);
    const filters = page.getByRole("search", { name: "Search and filter leads" }).locator("..");

    await filters.getByLabel("Seller").selectOption("private");
    await expect(page).toHaveURL(/seller=private/);
    const privateOnly = await expectTotalAsApiSays(page, api);
    expect(privateOnly).toBeLessThanOrEqual(everything.total);

    await filters.getByLabel("Seen", { exact: true }).selectOption("90");
    await expect(page).toHaveURL(/within=90/);
    expect(await expectTotalAsApiSays(page, api)).toBeLessThanOrEqual(privateOnly);

    // Ticked from the URL: the box shows the ticked state once the new URL is read, not at the click.
    await filters.getByRole("checkbox", { name: "New" }).click();
    await expect(page).toHaveURL(/status=new/);
    await expect(filters.getByRole("checkbox", { name: "New" })).toBeChecked();
    await expectTotalAsApiSays(page, api);

    await filters.getByLabel("Assignee").selectOption("nobody");
    await expect(page).toHaveURL(/assignee=nobody/);
    await expectTotalAsApiSays(page, api);

    await filters.getByLabel("Type").selectOption("new_listing");
    await expect(page).toHaveURL(/type=new_listing/);
    const narrowed = await expectTotalAsApiSays(page, api);

    // A reload asks the same question of the same URL.
    const url = page.url();
    await page.reload();
    await expect(page).toHaveURL(url);
    expect(await shownTotal(page)).toBe(narrowed);
    await expect(filters.getByLabel("Seller")).toHaveValue("private");
    await expect(filters.getByRole("checkbox", { name: "New" })).toBeChecked();

    await page.getByRole("button", { name: "Clear filters" }).first().click();
    await expect(page).toHaveURL(/\/leads$/);
    expect(await shownTotal(page)).toBe(everything.total);
  });

  test("narrows by state, price and search", async ({ page, api }) => {
    const withState = everything.leads.find((lead) => lead.customer.state);
    const withRego = everything.leads.find((lead) => lead.customer.rego);
    const priced = everything.leads.filter((lead) => lead.price !== null);
    await page.goto("/leads");
    await shownTotal(page);

    if (withState) {
      await page.getByLabel("State").selectOption(withState.customer.state!);
      await expect(page).toHaveURL(new RegExp(`state=${withState.customer.state}`));
      const byState = await expectTotalAsApiSays(page, api);
      expect(byState).toBeGreaterThan(0);
      await page.getByLabel("State").selectOption("");
      // The price boxes are refilled from the URL when it changes: type into them once it has.
      await expect(page).not.toHaveURL(/state=/);
    }

    if (priced.length > 0) {
      const cheapest = Math.min(...priced.map((lead) => lead.price!));
      await page.getByLabel("Price from (AUD)").fill(String(Math.floor(cheapest)));
      await page.getByRole("button", { name: "Search", exact: true }).click();
      await expect(page).toHaveURL(/min=\d+/);
      expect(await expectTotalAsApiSays(page, api)).toBeGreaterThan(0);
      await page.getByLabel("Price from (AUD)").fill("");
    }

    if (withRego) {
      // Typed the way people type a plate: lower case, with a space.
      const typed =
        `${withRego.customer.rego!.slice(0, 3)} ${withRego.customer.rego!.slice(3)}`.toLowerCase();
      await page.getByRole("searchbox", { name: "Search" }).fill(typed);
      await page.getByRole("button", { name: "Search", exact: true }).click();
      await expect(page).toHaveURL(/q=/);
      expect(await expectTotalAsApiSays(page, api)).toBeGreaterThan(0);
      expect(await rowKeys(page)).toContain(withRego.key);
    }
  });

  test("sorts by a column header, the other way on a second click", async ({ page, api }) => {
    await page.goto("/leads");
    await shownTotal(page);
    const priceHeader = page.getByRole("columnheader", { name: "Price" });
    await priceHeader.getByRole("button").click();
    await expect(page).toHaveURL(/sort=price/);
    await expect(priceHeader).toHaveAttribute("aria-sort", "ascending");
    await expect(page.getByRole("columnheader", { name: "Seen" })).toHaveAttribute("aria-sort", "none");
    await expect
      .poll(() => rowKeys(page))
      .toEqual((await leadsFromApi(api, "?sort=price")).leads.map((lead) => lead.key));

    await priceHeader.getByRole("button").click();
    await expect(page).toHaveURL(/sort=price&dir=desc/);
    await expect(priceHeader).toHaveAttribute("aria-sort", "descending");
    await expect
      .poll(() => rowKeys(page))
      .toEqual((await leadsFromApi(api, "?sort=price&dir=desc")).leads.map((lead) => lead.key));
  });

  test("selecting leads shows a bar with the count and Clear", async ({ page }) => {
    await page.goto("/leads");
    await shownTotal(page);
    await page.getByRole("checkbox", { name: "Select all leads on this page" }).check();
    const bar = page.getByRole("region", { name: "Selected leads" });
    await expect(bar).toContainText(`${Math.min(everything.total, 25)} lead`);
    await bar.getByRole("button", { name: "Clear" }).click();
    await expect(bar).toBeHidden();
  });
});

test.describe("the leads inbox on a phone", () => {
  test.use({ role: "manager", ...phone });

  test("is a list of cards that fits, and passes axe", async ({ page, api }) => {
    await expect.poll(async () => (await leadsFromApi(api)).total, { timeout: 30_000 }).toBeGreaterThan(0);
    await page.goto("/leads");
    await shownTotal(page);
    const cards = page.getByRole("list", { name: "Leads" }).getByRole("listitem");
    await expect(cards.first()).toBeVisible();
    await expect(page.getByRole("table", { name: "Leads" })).toBeHidden();
    await expectFitsPhone(page, "/leads on a phone");
    await expectAccessible(page, "/leads on a phone");
  });
});

test.describe("signing in as a manager", () => {
  test("lands on the leads inbox", async ({ page, signInPage }) => {
    await signInPage.goto();
    await signInPage.signIn(demoEmail("manager"), DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/leads$/);
  });
});
