import type { APIRequestContext } from "@playwright/test";
import type { Customer } from "@/lib/recapture/schemas";
import { expect, test } from "./fixtures";
import { UploadWizardPage } from "./pages/upload-wizard-page";
import { uniqueRego } from "./support/customers";

const UPLOAD_URL = /\/uploads\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** Two demo customers the index has: one found by its VIN, one by its rego written with a space. */
async function monitoredCars(api: APIRequestContext) {
  const { customers } = (await (await api.get("/api/recapture/customers?limit=25")).json()) as {
    customers: Customer[];
  };
  const byVin = customers.find((customer) => customer.vin);
  const byRego = customers.find((customer) => customer !== byVin && customer.rego && customer.state);
  expect(byVin, "a demo customer with a VIN").toBeDefined();
  expect(byRego, "another with a rego and a state").toBeDefined();
  return { byVin: byVin!, byRego: byRego! };
}

/** A DMS export: the two monitored cars, and two new ones with plates no one has. */
function exportOf(cars: Awaited<ReturnType<typeof monitoredCars>>, newRegos: string[]) {
  const spaced = `${cars.byRego.rego!.slice(0, 2)} ${cars.byRego.rego!.slice(2)}`;
  const lines = [
    "Customer No,Rego,State,VIN",
    `M-1,,,${cars.byVin.vin!.toLowerCase()}`,
    `M-2,${spaced},${cars.byRego.state},`,
    ...newRegos.map((rego, i) => `N-${i + 1},${rego},VIC,`),
  ];
  return new TextEncoder().encode(lines.join("\r\n"));
}

async function reviewFile(wizard: UploadWizardPage, name: string, bytes: Uint8Array, uploadName: string) {
  await wizard.goto();
  await wizard.drop(name, bytes);
  await wizard.button("Continue to columns").click();
  await wizard.button("Check the rows").click();
  await wizard.expectStep("Upload settings");
  await wizard.page.getByLabel("Upload name").fill(uploadName);
  await wizard.button("Review the rows").click();
  await wizard.expectStep("Review the rows");
}

async function uploadedRegos(api: APIRequestContext, uploadId: string) {
  const { customers } = (await (
    await api.get(`/api/recapture/customers?upload_id=${uploadId}&limit=500`)
  ).json()) as { customers: Customer[] };
  return customers.map((customer) => customer.rego ?? customer.vin).sort();
}

test.describe("upload wizard: cars already monitored", () => {
  test.use({ role: "staff" });

  test("are shown with a link to their customer and held back, unless sent anyway", async ({ page, api }) => {
    const cars = await monitoredCars(api);
    const wizard = new UploadWizardPage(page, { checkAlreadyMonitored: true });
    const monitored = page.getByTestId("monitored-check");

    // First run: the monitored cars are held back; only the new ones go.
    const firstNew = [uniqueRego("MA"), uniqueRego("MB")];
    await reviewFile(wizard, "monitored.csv", exportOf(cars, firstNew), "Monitored e2e held back");
    await expect(monitored).toContainText("2 already monitored — not sent");
    await wizard.expectCounts({ rowsInFile: 4, sent: 2, notSent: 2 });
    await expect(page.getByRole("group", { name: "Row counts" })).toContainText("2 already monitored");

    await wizard.show("Already monitored");
    await expect(wizard.table().getByRole("row")).toHaveCount(3);
    await expect(wizard.table().getByText("Already monitored", { exact: true })).toHaveCount(2);
    await wizard.expectAccessible("review, with cars already monitored");
    await wizard.screenshot("monitored-review");

    const regoLink = wizard.table().getByRole("link", {
      name: `Already monitored (customer ${cars.byRego.rego}) (new tab)`,
    });
    const [customerTab] = await Promise.all([page.waitForEvent("popup"), regoLink.click()]);
    await expect(customerTab).toHaveURL(new RegExp(`/customers/${cars.byRego.id}$`));
    await expect(customerTab.getByRole("heading", { level: 1 })).toContainText(cars.byRego.rego!);
    await customerTab.close();

    const { rows } = await wizard.downloadNotSent();
    expect(rows.slice(1).map((row) => [row[0], row.at(-1)])).toEqual([
      ["M-1", `Already monitored (customer ${cars.byVin.rego || cars.byVin.vin})`],
      ["M-2", `Already monitored (customer ${cars.byRego.rego})`],
    ]);

    await wizard.button("Continue with 2 customers").click();
    await wizard.expectStep("Send the upload");
    await expect(page.getByText("2, not sent")).toBeVisible();
    await wizard.button("Send 2 customers").click();
    await expect(page).toHaveURL(UPLOAD_URL, { timeout: 30_000 });
    await expect(page.getByText("4: 2 sent, 2 not sent")).toBeVisible();
    const heldBackUpload = UPLOAD_URL.exec(page.url())![1]!;
    await expect.poll(() => uploadedRegos(api, heldBackUpload)).toEqual([...firstNew].sort());

    // Second run: "Send them anyway" sends every row.
    const secondNew = [uniqueRego("MC"), uniqueRego("MD")];
    await reviewFile(wizard, "monitored.csv", exportOf(cars, secondNew), "Monitored e2e sent anyway");
    await expect(monitored).toContainText("2 already monitored — not sent");
    await page.getByRole("checkbox", { name: "Send them anyway" }).check();
    await expect(monitored).toContainText("2 already monitored — sent anyway");
    await wizard.expectCounts({ rowsInFile: 4, sent: 4, notSent: 0 });
    await wizard.button("Continue with 4 customers").click();
    await expect(page.getByText("2, sent anyway")).toBeVisible();
    await wizard.button("Send 4 customers").click();
    await expect(page).toHaveURL(UPLOAD_URL, { timeout: 30_000 });
    await expect(page.getByText("4: 4 sent, 0 not sent")).toBeVisible();
    const sentAnyway = UPLOAD_URL.exec(page.url())![1]!;
    await expect
      .poll(() => uploadedRegos(api, sentAnyway))
      .toEqual([cars.byVin.vin!.toUpperCase(), cars.byRego.rego, ...secondNew].sort());
  });

  test("says plainly when the check can't be made, sends as before, and retries", async ({ page }) => {
    const wizard = new UploadWizardPage(page, { checkAlreadyMonitored: true });
    const bytes = new TextEncoder().encode(`Rego,State\r\n${uniqueRego("MX")},VIC\r\n`);

    await page.route("**/api/customers/already-monitored*", (route) =>
      route.fulfill({ json: { ready: false, matches: [] } }),
    );
    await reviewFile(wizard, "one.csv", bytes, "Monitored e2e index building");
    await expect(
      page.getByText(
        "Couldn't check which cars are already monitored: the customer index is still being built",
      ),
    ).toBeVisible();
    await wizard.expectCounts({ rowsInFile: 1, sent: 1, notSent: 0 });

    await page.unroute("**/api/customers/already-monitored*");
    let failures = 1;
    await page.route("**/api/customers/already-monitored*", (route) =>
      failures-- > 0
        ? route.fulfill({
            status: 503,
            json: { success: false, error: { code: "unavailable", message: "The database is busy." } },
          })
        : route.fallback(),
    );
    await reviewFile(wizard, "one.csv", bytes, "Monitored e2e check failed");
    await expect(page.getByRole("alert").filter({ hasText: "Couldn't check" })).toContainText(
      "Couldn't check which cars are already monitored: The database is busy.",
    );
    await wizard.button("Retry the check").click();
    await expect(page.getByTestId("monitored-check")).toHaveText("None of these cars is monitored already.");
  });
});
