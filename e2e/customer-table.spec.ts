import type { APIRequestContext } from "@playwright/test";
import { expect, test as base } from "./fixtures";
import { expectAccessible } from "./support/axe";
import { indexNotReadyYet, indexUpload } from "./support/customer-index";
import { uniqueRego, uploadCustomers } from "./support/customers";
import { CustomersPage } from "./pages/customers-page";

/**
 * The customers table answered from the customer index: search, filters, sorting, the filtered
 * total and the URL, against the demo customers the server indexed at start-up. Expected counts
 * and orders come from GET /api/customers itself, never from guesses about the demo data.
 */

const test = base.extend<{ customersPage: CustomersPage }>({
  customersPage: async ({ page }, provide) => provide(new CustomersPage(page)),
});

interface IndexedCustomer {
  rego: string | null;
  sightings: { at: string }[];
}

async function indexed(api: APIRequestContext, query = "") {
  const response = await api.get(`/api/customers${query ? `?${query}` : ""}`);
  expect(response.status(), `GET /api/customers?${query}`).toBe(200);
  return (await response.json()) as { total: number; customers: IndexedCustomer[] };
}

const count = (value: number) => value.toLocaleString("en-AU");
const matching = (total: number) => `${count(total)} ${total === 1 ? "customer matches" : "customers match"}`;
/** As the rego column shows them. */
const regosOf = (customers: IndexedCustomer[]) => customers.map((customer) => customer.rego ?? "No rego");
const newestSighting = (customer: IndexedCustomer) =>
  customer.sightings.reduce((newest, { at }) => (at > newest ? at : newest), "");

test.describe("customers table from the index", () => {
  test.use({ role: "staff" });

  test("answers the manager's question on arrival: cars for sale now, newest sighting first", async ({
    page,
    api,
    customersPage,
  }) => {
    const everyone = await indexed(api);
    await customersPage.goto();
    await expect(customersPage.count).toHaveText(`${count(everyone.total)} customers`);
    await expect(customersPage.sortHeader("Sightings").cell).toHaveAttribute("aria-sort", "descending");
    await expect(customersPage.sortStatus).toHaveText("Sorted by newest sighting, newest first");
    await expect.poll(() => customersPage.regos()).toEqual(regosOf(everyone.customers));

    // The first rows are the ones seen for sale most recently.
    const newest = everyone.customers.map(newestSighting);
    expect(newest[0]).not.toBe("");
    expect(newest).toEqual([...newest].sort().reverse());
    const seen = await indexed(api, "sightings=yes&sort=newest_sighting&dir=desc&size=500");
    expect(newest[0]).toBe(seen.customers.map(newestSighting).sort().at(-1));
    await expect(
      customersPage.rows
        .first()
        .locator("td")
        .filter({ hasText: /^\d+ sightings?Latest/ }),
    ).toBeVisible();

    // From any other order it is one click away.
    await customersPage.goto("?sort=rego");
    await customersPage.sortHeader("Sightings").button.click();
    await expect(page).toHaveURL(/\/customers$/);
    await expect.poll(() => customersPage.regos()).toEqual(regosOf(everyone.customers));
  });

  test("finds a customer by a rego typed with a space and in lower case", async ({
    page,
    api,
    customersPage,
  }) => {
    const { customers } = await indexed(api, "sort=rego&size=100");
    const rego = customers
      .map((customer) => customer.rego)
      .find((found) => /^[A-Z0-9]{6,}$/.test(found ?? ""));
    expect(rego, "a demo customer with a six-character rego").toBeTruthy();
    const typed = `${rego!.slice(0, 3)} ${rego!.slice(3)}`.toLowerCase();
    const expected = await indexed(api, `q=${encodeURIComponent(typed)}`);
    expect(regosOf(expected.customers)).toContain(rego);

    await customersPage.goto("?page=3");
    await customersPage.searchBox.pressSequentially(typed, { delay: 30 });
    // The URL follows the search (page 1 again) once typing pauses; the box keeps the space as typed.
    await expect(page).toHaveURL(new RegExp(`\\?q=${typed.replace(" ", "\\+")}$`));
    await expect(customersPage.searchBox).toHaveValue(typed);
    await expect(customersPage.count).toHaveText(matching(expected.total));
    await expect(customersPage.table.getByRole("link", { name: rego!, exact: true })).toBeVisible();
    await expect.poll(() => customersPage.regos()).toEqual(regosOf(expected.customers));

    // Enter searches at once; a search matching nobody says so and offers to clear it.
    await customersPage.searchBox.fill("zzzz nobody");
    await customersPage.searchBox.press("Enter");
    await expect(page).toHaveURL(/\?q=zzzz\+nobody$/);
    await expect(page.getByText("No customers match")).toBeVisible();
    await expect(customersPage.summary).toHaveText("No customers");
    await page.getByRole("button", { name: "Clear filters" }).last().click();
    await expect(page).toHaveURL(/\/customers$/);
    await expect(customersPage.searchBox).toHaveValue("");
  });

  test("each filter narrows the list and the total, and Clear filters brings everyone back", async ({
    page,
    api,
    apiAs,
    customersPage,
  }) => {
    test.setTimeout(120_000);
    // An upload of its own for the upload filter, made before the page lists the register's uploads.
    const regos = [uniqueRego("TBA"), uniqueRego("TBB"), uniqueRego("TBC")];
    const name = `E2E table filter ${regos[0]}`;
    const upload = await uploadCustomers(api, name, regos);
    await indexUpload(await apiAs("admin"), upload.id, 3);
    const all = (await indexed(api)).total;
    // With and without sightings split the list between them.
    const withSightings = (await indexed(api, "sightings=yes")).total;
    expect(withSightings + (await indexed(api, "sightings=no")).total).toBe(all);
    const filters = [
      { label: "Sightings", option: "Has sightings", query: "sightings=yes", cell: /^\d+ sightings?Latest/ },
      { label: "Sightings", option: "No sightings", query: "sightings=no", cell: /^None$/ },
      { label: "Newest sighting", option: "Within 7 days", query: "within=7" },
      { label: "Newest sighting", option: "Within 90 days", query: "within=90" },
      { label: "State", option: "VIC", query: "state=VIC", cell: /^VIC$/ },
      { label: "Seller", option: "Private", query: "seller=private" },
      { label: "Seller", option: "Dealer", query: "seller=dealer" },
      { label: "Monitoring", option: "Monitoring now", query: "monitoring=now" },
      { label: "Monitoring", option: "Monitoring ended", query: "monitoring=ended" },
    ] as const;

    await customersPage.goto("?page=2");
    for (const filter of filters) {
      const expected = await indexed(api, filter.query);
      expect(expected.total, filter.query).toBeLessThanOrEqual(all);
      await customersPage.filter(filter.label).selectOption({ label: filter.option });
      await expect(page).toHaveURL(new RegExp(`/customers\\?${filter.query}$`));
      await expect(customersPage.count).toHaveText(matching(expected.total));
      if (expected.total === 0) {
        await expect(page.getByText("No customers match")).toBeVisible();
      } else {
        await customersPage.expectShowing(1, Math.min(25, expected.total), expected.total);
        await expect.poll(() => customersPage.regos()).toEqual(regosOf(expected.customers));
        if ("cell" in filter) {
          for (const row of await customersPage.rows.all())
            await expect(row.locator("td").filter({ hasText: filter.cell })).not.toHaveCount(0);
        }
      }
      await customersPage.clearFilters.click();
      await expect(page).toHaveURL(/\/customers$/);
      await expect(customersPage.count).toHaveText(`${count(all)} customers`);
    }

    // Filters add up: with sightings and in Victoria is fewer than either.
    const both = await indexed(api, "sightings=yes&state=VIC");
    await customersPage.filter("Sightings").selectOption({ label: "Has sightings" });
    await customersPage.filter("State").selectOption("VIC");
    await expect(page).toHaveURL(/\?sightings=yes&state=VIC$/);
    await expect(customersPage.count).toHaveText(matching(both.total));
    expect(both.total).toBeLessThan(withSightings);
    expect(both.total).toBeLessThan((await indexed(api, "state=VIC")).total);

    // The upload is one of the filters.
    await customersPage.clearFilters.click();
    await customersPage.pickUpload(name);
    await expect(page).toHaveURL(new RegExp(`\\?upload=${upload.id}$`));
    await expect(customersPage.count).toHaveText(matching(3));
    await expect.poll(async () => (await customersPage.regos()).sort()).toEqual([...regos].sort());
    await customersPage.filter("State").selectOption("VIC");
    await expect(customersPage.count).toHaveText(matching(3));
    await expectAccessible(page, "customers table with filters");
    await page.screenshot({ path: "test-results/customer-table/filtered-1280.png", fullPage: true });
    // They have no sightings yet: nobody matches, and the table says so.
    await customersPage.filter("Sightings").selectOption({ label: "Has sightings" });
    await expect(page).toHaveURL(new RegExp(`\\?sightings=yes&state=VIC&upload=${upload.id}$`));
    await expect(page.getByText("No customers match")).toBeVisible();
    await expect(customersPage.count).toHaveText(matching(0));
    await expectAccessible(page, "customers table, no customers match");
  });

  test("sorts by each sortable column both ways, by mouse or keyboard, with aria-sort", async ({
    page,
    api,
    customersPage,
  }) => {
    const columns = [
      { name: "Rego", sort: "rego", first: "asc", said: ["rego, A to Z", "rego, Z to A"] },
      {
        name: "Sale date",
        sort: "sale_date",
        first: "desc",
        said: ["sale date, latest first", "sale date, earliest first"],
      },
      {
        name: "Last updated",
        sort: "last_updated",
        first: "desc",
        said: ["last updated, most recent first", "last updated, least recent first"],
      },
      {
        name: "Sightings",
        sort: "newest_sighting",
        first: "desc",
        said: ["newest sighting, newest first", "newest sighting, oldest first"],
      },
    ] as const;
    const ariaSort = { asc: "ascending", desc: "descending" } as const;

    await customersPage.goto("?sort=rego&page=3");
    // Away from Rego first, so each column's first click is its own default direction.
    await customersPage.sortHeader("Sale date").button.click();
    for (const column of columns) {
      const header = customersPage.sortHeader(column.name);
      for (const [turn, direction] of [column.first, column.first === "asc" ? "desc" : "asc"].entries()) {
        if (column.name === "Rego") {
          await header.button.focus();
          await page.keyboard.press("Enter");
        } else {
          await header.button.click();
        }
        await expect(header.cell).toHaveAttribute("aria-sort", ariaSort[direction as "asc" | "desc"]);
        await expect(customersPage.sortStatus).toHaveText(`Sorted by ${column.said[turn]}`);
        for (const other of columns.filter((each) => each !== column))
          await expect(customersPage.sortHeader(other.name).cell).toHaveAttribute("aria-sort", "none");
        const expected = await indexed(api, `sort=${column.sort}&dir=${direction}`);
        await expect(page).not.toHaveURL(/page=/);
        await expect.poll(() => customersPage.regos()).toEqual(regosOf(expected.customers));
      }
    }
  });

  test("keeps search, filters and sort in the URL through reload and Back", async ({
    page,
    customersPage,
  }) => {
    await customersPage.goto();
    await customersPage.filter("State").selectOption("NSW");
    await expect(page).toHaveURL(/\?state=NSW$/);
    await customersPage.sortHeader("Rego").button.click();
    await expect(page).toHaveURL(/\?state=NSW&sort=rego$/);
    await customersPage.searchBox.fill("a");
    await expect(page).toHaveURL(/\?q=a&state=NSW&sort=rego$/);
    await customersPage.expectLoaded();
    const regos = await customersPage.regos();

    await page.reload();
    await customersPage.expectLoaded();
    await expect(customersPage.searchBox).toHaveValue("a");
    await expect(customersPage.filter("State")).toHaveValue("NSW");
    await expect(customersPage.sortHeader("Rego").cell).toHaveAttribute("aria-sort", "ascending");
    expect(await customersPage.regos()).toEqual(regos);

    // Typing replaced the sorted entry rather than adding one per pause: Back undoes the sort.
    await page.goBack();
    await expect(page).toHaveURL(/\?state=NSW$/);
    await expect(customersPage.searchBox).toHaveValue("");
    await expect(customersPage.sortHeader("Rego").cell).toHaveAttribute("aria-sort", "none");
    await expect(customersPage.filter("State")).toHaveValue("NSW");
    await page.goBack();
    await expect(page).toHaveURL(/\/customers$/);
    await expect(customersPage.filter("State")).toHaveValue("");
    await expect(customersPage.sortHeader("Sightings").cell).toHaveAttribute("aria-sort", "descending");
  });

  test("on a phone the filters fold behind a Filters button that works by keyboard", async ({
    page,
    customersPage,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await customersPage.goto();
    await expect(customersPage.searchBox).toBeVisible();
    await expect(customersPage.filters).toBeHidden();
    await customersPage.filtersToggle.focus();
    await page.keyboard.press("Enter");
    await expect(customersPage.filtersToggle).toHaveAttribute("aria-expanded", "true");
    await expect(customersPage.filters).toBeVisible();
    await customersPage.filter("Sightings").selectOption({ label: "Has sightings" });
    await customersPage.filter("State").selectOption("VIC");
    await expect(page).toHaveURL(/\?sightings=yes&state=VIC$/);
    await expect(customersPage.filtersToggle).toHaveText("Filters (2)");
    await customersPage.expectLoaded();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, "customers filters on a phone");
    await page.screenshot({ path: "test-results/customer-table/filtered-390.png", fullPage: true });
  });
});

test.describe("before the index's first complete pass", () => {
  test.use({ role: "staff" });

  test("pages the API live without search, filters or sorting, and says why; switches over once ready", async ({
    page,
    customersPage,
  }) => {
    // A real first pass is over in seconds on the demo data; its answers are stood in for instead.
    const ready = await indexNotReadyYet(page);
    const livePage = page.waitForResponse((response) =>
      /\/api\/recapture\/customers\?offset=0&limit=25$/.test(response.url()),
    );
    await page.goto("/customers");
    await livePage;
    await expect(customersPage.notYetIndexed).toBeVisible();
    await customersPage.expectShowing(1, 25);
    await expect(customersPage.searchBox).toHaveCount(0);
    await expect(customersPage.filters).toHaveCount(0);
    await expect(customersPage.sortHeader("Rego").button).toHaveCount(0);
    await expect(customersPage.sortHeader("Rego").cell).not.toHaveAttribute("aria-sort");
    await expect(customersPage.uploadPicker).toBeVisible();
    await expectAccessible(page, "customers table before the index is ready");

    await ready();
    // The status is looked at every 2 s while the index is being built.
    await expect(customersPage.searchBox).toBeVisible({ timeout: 15_000 });
    await expect(customersPage.notYetIndexed).toHaveCount(0);
    await expect(customersPage.sortHeader("Sightings").cell).toHaveAttribute("aria-sort", "descending");
    await customersPage.expectShowing(1, 25);
  });
});
