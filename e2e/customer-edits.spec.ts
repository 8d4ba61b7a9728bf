import type { APIRequestContext, Page } from "@playwright/test";
import { DEMO_PASSWORD, demoEmail, expect, signInViaApi, test as base } from "./fixtures";
import { expectAccessible } from "./support/axe";
import { indexUpload } from "./support/customer-index";
import { uniqueRego, uploadCustomers } from "./support/customers";
import { PHONE_WIDTH } from "./support/phone-layout";
import { AppShell } from "./pages/app-shell";
import { CustomerPage } from "./pages/customer-page";
import { CustomersPage } from "./pages/customers-page";

/**
 * What staff tripped over when changing customers: a vehicle can only be
 * replaced (new record, old one deleted), a delete can be undone for 10
 * seconds, and the audit log names the customer.
 */

const test = base.extend<{ customersPage: CustomersPage; customerPage: CustomerPage }>({
  customersPage: async ({ page }, provide) => provide(new CustomersPage(page)),
  customerPage: async ({ page }, provide) => provide(new CustomerPage(page)),
});

interface Created {
  id: string;
  rego: string;
  externalId: string;
}

/** A Victorian customer with everything a replacement copies: external id, sale date, window, additional fields. */
async function createCustomer(api: APIRequestContext, prefix: string): Promise<Created> {
  const rego = uniqueRego(prefix);
  const externalId = `EXT-${rego}`;
  const response = await api.put("/api/recapture/customers", {
    data: {
      customer: {
        rego,
        state: "VIC",
        external_id: externalId,
        sale_date: "2021-03-04",
        monitor_start_date: "2022-06-01",
        monitor_end_date: "2031-06-01",
        additional_fields: { customer_name: "Sam Smith", salesperson: "Alex" },
      },
    },
  });
  expect(response.status()).toBe(200);
  const { customer } = (await response.json()) as { customer: { id: string } };
  return { id: customer.id, rego, externalId };
}

const status = async (api: APIRequestContext, id: string) =>
  (await api.get(`/api/recapture/customers/${id}`)).status();

/** The same screen at a desktop's and a phone's width, kept under test-results/customer-edits. */
async function screenshots(page: Page, name: string) {
  for (const width of [1280, PHONE_WIDTH]) {
    await page.setViewportSize({ width, height: width === 1280 ? 800 : 844 });
    await page.screenshot({ path: `test-results/customer-edits/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

const notices = (page: Page) => page.getByRole("region", { name: /^Notifications/ });

test.describe("replacing a customer's vehicle", () => {
  test.use({ role: "staff" });

  test.afterEach(async ({ api }) => {
    await api.delete("/api/emulator/faults");
  });

  test("the edit form shows the vehicle read-only and why; Replace vehicle makes a new record and deletes the old one", async ({
    page,
    api,
    customerPage,
  }) => {
    const old = await createCustomer(api, "OLD");
    expect((await api.post("/api/emulator/sightings", { data: { customer_id: old.id } })).ok()).toBe(true);
    await customerPage.goto(old.id);
    await customerPage.editButton.click();

    const why = /Rego, state and VIN can't be changed: the Recapture API doesn't allow it\./;
    for (const label of ["Rego", "State", "VIN"]) {
      await expect(customerPage.field(label)).toHaveAttribute("readonly", "");
      await expect(customerPage.field(label)).toHaveAccessibleDescription(why);
    }
    await expect(customerPage.field("Rego")).toHaveValue(old.rego);
    await expectAccessible(page, "edit form with the vehicle read-only");
    await screenshots(page, "edit-form");

    await customerPage.replaceVehicleButton.click();
    const dialog = customerPage.confirmDialog;
    await expect(dialog).toHaveAccessibleName("Replace vehicle");
    await expect(dialog.getByLabel("Rego", { exact: true })).toHaveValue(old.rego);
    // The record's own vehicle is not a replacement.
    await dialog.getByRole("button", { name: "Continue" }).click();
    await expect(dialog.getByLabel("Rego", { exact: true })).toHaveAccessibleDescription(
      /already has that vehicle/,
    );

    const rego = uniqueRego("NEW");
    await dialog.getByLabel("Rego", { exact: true }).fill(rego.toLowerCase());
    await dialog.getByLabel("State", { exact: true }).selectOption("NSW");
    await expectAccessible(page, "replace vehicle form");
    await screenshots(page, "replace-form");
    await dialog.getByRole("button", { name: "Continue" }).click();

    await expect(dialog).toHaveAccessibleName(`Replace ${old.rego} (VIC) with ${rego} (NSW)?`);
    await expect(dialog).toContainText(
      "A new record is created for " +
        `${rego} (NSW), with this record's external ID, sale date, monitoring window and additional fields.`,
    );
    await expect(dialog).toContainText(
      "Its 1 sighting stays with this record and goes when it is deleted: sightings can't be moved to another record. The new record starts with none",
    );
    await expect(dialog.getByRole("button", { name: "Back" })).toBeFocused();
    await expectAccessible(page, "replace vehicle confirmation");
    await screenshots(page, "replace-confirm");

    const replacements: unknown[] = [];
    page.on("request", (request) => {
      if (request.url().endsWith("/replace-vehicle")) replacements.push(request.postDataJSON());
    });
    // A double click sends one replacement.
    await dialog.getByRole("button", { name: "Replace vehicle" }).dblclick();
    await expect(page.getByText(`Vehicle replaced: now watching ${rego}`)).toBeVisible();
    expect(replacements).toEqual([{ enable_rego_lookups: false, vehicle: { rego, state: "NSW" } }]);

    await expect(customerPage.heading).toHaveText(rego);
    const newId = /\/customers\/([0-9a-f-]{36})/.exec(page.url())?.[1];
    expect(newId).toBeDefined();
    expect(newId).not.toBe(old.id);
    await expect(customerPage.detail("External ID")).toHaveText(old.externalId);
    await expect(customerPage.detail("Sale date")).toHaveText("04/03/2021");
    await expect(customerPage.detail("Monitor from")).toHaveText("01/06/2022");
    await expect(customerPage.detail("Monitor until")).toHaveText("01/06/2031");
    await expect(customerPage.additionalFields.getByText("Sam Smith")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Sightings (0)" })).toBeVisible();
    expect(await status(api, old.id)).toBe(404);
  });

  test("when deleting the old record fails, says exactly what exists now, with a link to each", async ({
    page,
    api,
    apiAs,
    customerPage,
  }) => {
    const old = await createCustomer(api, "HLF");
    const rego = uniqueRego("TWO");
    await customerPage.goto(old.id);
    await customerPage.editButton.click();
    await customerPage.replaceVehicleButton.click();
    const dialog = customerPage.confirmDialog;
    await dialog.getByLabel("Rego", { exact: true }).fill(rego);
    await dialog.getByRole("button", { name: "Continue" }).click();

    // The read of the old record and the create are slowed, so the delete that follows can be made to fail.
    await api.delete("/api/emulator/journal");
    await api.put("/api/emulator/faults", { data: { latencyMs: 1_500, times: 2 } });
    await dialog.getByRole("button", { name: "Replace vehicle" }).click();
    await expect
      .poll(
        async () => {
          const { requests } = (await (await api.get("/api/emulator/journal")).json()) as {
            requests: { method: string; path: string }[];
          };
          return requests.some(({ method, path }) => method === "PUT" && path === "/v2/recapture/customers");
        },
        { intervals: [50] },
      )
      .toBe(true);
    await api.put("/api/emulator/faults", { data: { errorRate: 1, times: 1 } });

    const outcome = page.getByRole("alert").filter({ hasText: "The vehicle was only partly replaced" });
    await expect(outcome).toBeVisible();
    const newLink = outcome.getByRole("link", { name: `${rego} (VIC)` });
    const newId = /\/customers\/([0-9a-f-]{36})/.exec((await newLink.getAttribute("href")) ?? "")?.[1];
    expect(newId).toBeDefined();
    await expect(outcome).toContainText(
      `Only partly done: the new record for ${rego} (VIC) (id ${newId}) was created, but the old record for ${old.rego} (VIC) (id ${old.id}) couldn't be deleted and is still there, with its sightings, and still monitored.`,
    );
    await expect(outcome.getByRole("link", { name: `${old.rego} (VIC)` })).toHaveAttribute(
      "href",
      `/customers/${old.id}`,
    );
    await expect(outcome).toContainText("still there with its sightings (this page)");
    expect(await status(api, old.id)).toBe(200);
    expect(await status(api, newId!)).toBe(200);
    await expectAccessible(page, "a vehicle only partly replaced");
    await screenshots(page, "partly-replaced");

    const auditLog = await (await (await apiAs("admin")).get("/settings/audit")).text();
    expect(auditLog).toContain(`Step 2 of 2, deleting the old record ${old.id}`);

    await newLink.click();
    await expect(customerPage.heading).toHaveText(rego);
  });
});

test.describe("deleting a customer, with 10 seconds to undo", () => {
  test.use({ role: "staff" });

  test("it leaves the table at once and comes back on Undo, by keyboard; nothing is sent, and a reload keeps it", async ({
    page,
    api,
    apiAs,
    customersPage,
    customerPage,
  }) => {
    const rego = uniqueRego("UND");
    const upload = await uploadCustomers(api, `E2E undo ${rego}`, [rego]);
    await indexUpload(await apiAs("admin"), upload.id, 1);
    await customersPage.goto(`?upload=${upload.id}`);
    await expect(customersPage.rows).toHaveCount(1);
    await customersPage.openCustomer(rego);
    await expect(customerPage.heading).toHaveText(rego);

    const deletes: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "DELETE") deletes.push(request.url());
    });
    await customerPage.deleteButton.click();
    await expect(page).toHaveURL(new RegExp(`/customers\\?upload=${upload.id}$`));
    await expect(page.getByText("No customers match")).toBeVisible();

    // The toaster is a polite live region: it reads "Customer deleted. <rego>. Undo".
    await expect(notices(page)).toHaveAttribute("aria-live", "polite");
    await expect(notices(page)).toContainText(`Customer deleted. ${rego}.Undo`);
    await expectAccessible(page, "a customer deleted, with Undo");
    await screenshots(page, "undo-notice");

    // Alt+T reaches the notices (sonner's shortcut); Tab reaches its Undo button.
    const undo = notices(page).getByRole("button", { name: "Undo" });
    await page.keyboard.press("Alt+T");
    for (
      let step = 0;
      step < 4 && !(await undo.evaluate((button) => button === document.activeElement));
      step++
    )
      await page.keyboard.press("Tab");
    await expect(undo).toBeFocused();
    await page.keyboard.press("Enter");

    await expect(customersPage.rows).toHaveCount(1);
    await expect(notices(page).getByText("Customer deleted.")).toBeHidden();
    // Leaving the page sends what is still waiting; the undone delete no longer is.
    await page.reload();
    await customersPage.expectLoaded();
    await expect(customersPage.rows).toHaveCount(1);
    expect(deletes).toEqual([]);
  });

  test("the delete is sent when its notice ends, ten seconds on", async ({ page, api, customerPage }) => {
    const customer = await createCustomer(api, "GON");
    await customerPage.goto(customer.id);
    const sent = page.waitForRequest(
      (request) => request.method() === "DELETE" && request.url().endsWith(`/customers/${customer.id}`),
      { timeout: 15_000 },
    );
    const clicked = Date.now();
    await customerPage.deleteButton.click();
    await expect(notices(page).getByText("Customer deleted.")).toBeVisible();
    await sent;
    expect(Date.now() - clicked).toBeGreaterThanOrEqual(9_500);
    await expect(notices(page).getByText("Customer deleted.")).toBeHidden();
    await expect.poll(() => status(api, customer.id)).toBe(404);
  });

  test("closing the tab sends a delete still waiting, with the session cookie", async ({ context, api }) => {
    const customer = await createCustomer(api, "TAB");
    const tab = await context.newPage();
    const customerPage = new CustomerPage(tab);
    await customerPage.goto(customer.id);
    const clicked = Date.now();
    await customerPage.deleteButton.click();
    await expect(notices(tab).getByText("Customer deleted.")).toBeVisible();
    expect(await status(api, customer.id)).toBe(200);
    await tab.close({ runBeforeUnload: true });
    await expect.poll(() => status(api, customer.id), { timeout: 5_000 }).toBe(404);
    // Well before its ten seconds: the closing page sent it, not its timer.
    expect(Date.now() - clicked).toBeLessThan(9_000);
  });

  test("signing out sends a delete still waiting, before the session ends", async ({
    browser,
    api,
    baseURL,
  }) => {
    const customer = await createCustomer(api, "OUT");
    // A session of its own: signing out ends it, and the other tests' session must go on.
    const context = await browser.newContext({
      storageState: await signInViaApi(baseURL!, demoEmail("staff"), DEMO_PASSWORD),
    });
    try {
      const page = await context.newPage();
      await new CustomerPage(page).goto(customer.id);
      await page.getByRole("button", { name: "Delete", exact: true }).click();
      await expect(notices(page).getByText("Customer deleted.")).toBeVisible();
      await new AppShell(page).signOut();
      await expect(page).toHaveURL(/\/sign-in/);
      expect(await status(api, customer.id)).toBe(404);
    } finally {
      await context.close();
    }
  });

  test("the keepalive delete is still refused from another site", async ({ api }) => {
    const customer = await createCustomer(api, "CSR");
    const response = await api.delete(`/api/recapture/customers/${customer.id}`, {
      headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
    });
    expect(response.status()).toBe(403);
    expect(await status(api, customer.id)).toBe(200);
  });
});

test.describe("the audit log", () => {
  test.use({ role: "admin" });

  test("names the customer by rego and external id for create, edit, replace and delete", async ({
    page,
    api,
  }) => {
    const customer = await createCustomer(api, "AUD");
    expect(
      (
        await api.patch(`/api/recapture/customers/${customer.id}`, { data: { sale_date: "2021-05-06" } })
      ).ok(),
    ).toBe(true);
    const rego = uniqueRego("AUR");
    const replaced = await api.post(`/api/recapture/customers/${customer.id}/replace-vehicle`, {
      data: { vehicle: { rego, state: "NSW" } },
    });
    expect(replaced.ok()).toBe(true);
    const { customer: replacement } = (await replaced.json()) as { customer: { id: string } };
    expect((await api.delete(`/api/recapture/customers/${replacement.id}`)).ok()).toBe(true);

    await page.goto("/settings/audit");
    const log = page.getByRole("table", { name: "Audit log entries" });
    const entry = (action: string, target: string) =>
      log.getByRole("row").filter({ hasText: action }).filter({ hasText: target });
    const named = `${customer.rego} (VIC) · external ID ${customer.externalId} · id ${customer.id}`;
    await expect(entry("customer.create", named)).toHaveCount(1);
    await expect(entry("customer.update", named)).toHaveCount(1);
    const both = `${customer.rego} (VIC) → ${rego} (NSW) · external ID ${customer.externalId}`;
    await expect(entry("customer.replace_vehicle", both).filter({ hasText: "Step 1 of 2" })).toHaveCount(1);
    await expect(entry("customer.replace_vehicle", both).filter({ hasText: "Step 2 of 2" })).toHaveCount(1);
    await expect(
      entry("customer.delete", `${rego} (NSW) · external ID ${customer.externalId} · id ${replacement.id}`),
    ).toHaveCount(1);
    await expectAccessible(page, "audit log naming customers");
    await screenshots(page, "audit-log");
  });
});
