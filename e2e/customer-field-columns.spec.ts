import type { Browser, Page } from "@playwright/test";
import { expect, signInViaApi, test } from "./fixtures";
import { CustomersPage } from "./pages/customers-page";
import { expectAccessible } from "./support/axe";

/**
 * Columns for the additional fields the dealership's customers have (the demo
 * data gives each customer_name, salesperson, branch, customer_type and
 * market_source), chosen in the Columns menu and remembered per person on the
 * server: after a reload, in another browser, and not for anyone else.
 */

const SALESPEOPLE = [
  "Priya Sharma",
  "Daniel Costa",
  "Mel Hughes",
  "Tom Nguyen",
  "Sarah Mitchell",
  "Josh Kowalski",
];
const PASSWORD = "a-long-enough-password";

/** A fresh browser, as `email`, on the customers page. */
async function customersPageIn(browser: Browser, baseURL: string, email: string): Promise<CustomersPage> {
  const context = await browser.newContext({ storageState: await signInViaApi(baseURL, email, PASSWORD) });
  const customersPage = new CustomersPage(await context.newPage());
  await customersPage.goto();
  return customersPage;
}

/** The texts of one column's cells on the page, found by its header. */
async function columnTexts(customersPage: CustomersPage, header: string): Promise<string[]> {
  // Text as written, not as styled (headers are shown in capitals).
  const headers = await customersPage.table.locator(":scope > thead th").allTextContents();
  const column = headers.findIndex((text) => text.trim() === header) + 1;
  expect(column, `a column headed ${header}`).toBeGreaterThan(0);
  return customersPage.rows.locator(`:scope > :is(td, th):nth-child(${column})`).allTextContents();
}

const fieldItem = (page: Page, name: string) => page.getByRole("menuitemcheckbox", { name, exact: true });

test.describe("additional field columns", () => {
  test.use({ role: "staff" });

  test("are chosen in the Columns menu and follow the person, not anyone else", async ({
    apiAs,
    browser,
    baseURL,
    page,
  }) => {
    const email = `field-columns-${Date.now()}@dealer.test`;
    const admin = await apiAs("admin");
    expect(
      (await admin.post("/api/users", { data: { email, role: "staff", password: PASSWORD } })).status(),
    ).toBe(201);

    const mine = await customersPageIn(browser, baseURL!, email);
    const salesperson = mine.table.getByRole("columnheader", { name: "salesperson", exact: true });
    await expect(salesperson).toBeHidden();
    await mine.columnsButton.click();
    const fields = mine.page.getByRole("group", { name: "Additional fields" });
    await expect(fields).toBeVisible();
    for (const name of ["customer_name", "salesperson", "branch", "customer_type", "market_source"])
      await expect(fields.getByRole("menuitemcheckbox", { name, exact: true })).toHaveAttribute(
        "aria-checked",
        "false",
      );
    // The dashboard's own bookkeeping field is not offered.
    await expect(fieldItem(mine.page, "recapture_dashboard_part")).toHaveCount(0);
    await expectAccessible(mine.page, "column menu with additional fields");

    const saved = mine.page.waitForResponse(
      (response) => response.url().includes("/api/me/preferences/") && response.request().method() === "PUT",
    );
    await fieldItem(mine.page, "salesperson").click();
    expect((await saved).status()).toBe(200);
    await mine.page.keyboard.press("Escape");
    await expect(salesperson).toBeVisible();
    const names = await columnTexts(mine, "salesperson");
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => name !== "—").length).toBeGreaterThan(0);
    for (const name of names) expect([...SALESPEOPLE, "—"]).toContain(name);

    await mine.page.reload();
    await mine.expectLoaded();
    await expect(salesperson).toBeVisible();
    await mine.page.context().close();

    // The same person in another browser.
    const elsewhere = await customersPageIn(browser, baseURL!, email);
    await expect(
      elsewhere.table.getByRole("columnheader", { name: "salesperson", exact: true }),
    ).toBeVisible();
    await elsewhere.columnsButton.click();
    await expect(fieldItem(elsewhere.page, "salesperson")).toHaveAttribute("aria-checked", "true");
    await elsewhere.page.context().close();

    // Someone else: the demo staff account.
    const theirs = new CustomersPage(page);
    await theirs.goto();
    await expect(theirs.table.getByRole("columnheader", { name: "Rego", exact: true })).toBeVisible();
    await expect(theirs.table.getByRole("columnheader", { name: "salesperson", exact: true })).toBeHidden();
  });

  test("refuses preferences it doesn't know and values that aren't column choices", async ({ api }) => {
    expect((await api.get("/api/me/preferences/theme")).status()).toBe(404);
    const columns = `/api/me/preferences/${encodeURIComponent("customers-table:columns")}`;
    expect((await api.put(columns, { data: { value: { vin: "hidden" } } })).status()).toBe(422);
    const tooLarge = Object.fromEntries(
      Array.from({ length: 150 }, (_, n) => [`field:${"x".repeat(60)}${n}`, true]),
    );
    expect((await api.put(columns, { data: { value: tooLarge } })).status()).toBe(413);
    expect((await api.get("/api/customers/field-names")).status()).toBe(200);
  });
});
