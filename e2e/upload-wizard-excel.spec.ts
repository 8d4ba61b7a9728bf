import { expect, test } from "./fixtures";
import { UploadWizardPage } from "./pages/upload-wizard-page";
import { expectFitsPhone, phone } from "./support/phone-layout";

/**
 * Issue 17: Excel workbooks, dates written more than one way, whole-column fixes,
 * total lines, keep-newest duplicates and column mappings shared by the dealership.
 * The fixtures and their counts are described in e2e/data/README.md.
 */

const UPLOAD_ID_URL = /\/uploads\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface SentCustomer {
  rego?: string;
  vin?: string;
  external_id?: string;
  sale_date?: string;
  monitor_end_date?: string;
  additional_fields?: Record<string, string>;
}

test.describe("upload wizard with Excel files and whole-column fixes", () => {
  test.use({ role: "staff" });

  test("an .xlsx with two sheets: a mixed-format date column sends every row, the total line is skipped, and the newest sale of a car is kept", async ({
    page,
    api,
  }) => {
    const wizard = new UploadWizardPage(page);
    await wizard.goto();
    await wizard.pick("delivery-report.xlsx");

    await wizard.expectStep("Check the header row");
    await expect(page.getByText('Excel workbook · sheet "Deliveries" · 18 lines')).toBeVisible();
    await expect(wizard.sheet()).toHaveValue("0");
    await expect(page.getByRole("radio", { name: "Line 4 holds the column names (detected)" })).toBeChecked();
    await wizard.screenshot("excel-1-header-sheets");

    // The other sheet, then back.
    await wizard.sheet().selectOption({ label: "Service" });
    await expect(page.getByText('Excel workbook · sheet "Service" · 5 lines')).toBeVisible();
    await expect(page.getByRole("radio", { name: "Line 1 holds the column names (detected)" })).toBeChecked();
    await expect(page.getByRole("cell", { name: "Last Service" })).toBeVisible();
    await wizard.sheet().selectOption({ label: "Deliveries" });
    await expect(page.getByRole("radio", { name: "Line 4 holds the column names (detected)" })).toBeChecked();
    await wizard.button("Continue to columns").click();

    await wizard.expectStep("Match the columns");
    await expect(wizard.targetOf("Delivery Date")).toHaveValue("sale_date");
    const dateFormat = page.getByRole("combobox", { name: "Date format of Delivery Date" });
    await expect(dateFormat).toHaveValue("dmy");
    await expect(dateFormat).toHaveAccessibleDescription(
      "Of 12 values: 4 read as dd/mm/yyyy, 7 as yyyy-mm-dd and 1 as an Excel date number.",
    );
    // Numbers stored as text keep their leading zeros.
    await expect(page.getByRole("list", { name: "Sample values of Customer No" })).toContainText("000451");
    await wizard.screenshot("excel-2-columns-date-tally");
    await wizard.button("Check the rows").click();
    await wizard.button("Review the rows").click();

    await wizard.expectStep("Review the rows");
    await wizard.expectCounts({ rowsInFile: 12, sent: 11, notSent: 1 });
    await expect(page.getByTestId("lines-skipped")).toHaveText(
      "Skipped, as they hold no customer: 1 empty line and 1 total line (row 18: “Total deliveries: 12”). They aren't counted as rows of the file.",
    );
    await wizard.show("Not sent");
    expect(await wizard.columnValues("Customer Name")).toEqual(["Noah Taylor"]);

    // The car was delivered twice: its latest buyer is the one to keep.
    await page.getByRole("combobox", { name: "Same car more than once" }).selectOption("keep-newest");
    await expect(page.getByRole("status").filter({ hasText: "newest sale date is sent" })).toBeAttached();
    await wizard.expectCounts({ rowsInFile: 12, sent: 11, notSent: 1 });
    await wizard.show("All rows");
    await wizard.show("Not sent");
    expect(await wizard.columnValues("Customer Name")).toEqual(["Harper Jones"]);
    await wizard.screenshot("excel-3-review-keep-newest");

    await wizard.button(/^Continue with 11 customers$/).click();
    await wizard.expectStep("Send the upload");
    await expect(page.getByText(/won't be sent/)).toHaveCount(0);
    // One customer a second, so the progress page shows an upload still running.
    expect((await api.put("/api/emulator/process-rate", { data: { process_rate: 1 } })).status()).toBe(200);
    const sent = page.waitForRequest(
      (request) => request.method() === "POST" && request.url().endsWith("/api/recapture/upload"),
    );
    await wizard.button("Send 11 customers").click();
    const { customers } = (await sent).postDataJSON() as { customers: SentCustomer[] };
    expect(customers).toHaveLength(11);
    expect(customers.every((customer) => /^\d{4}-\d{2}-\d{2}$/.test(customer.sale_date ?? ""))).toBe(true);
    expect(customers.map((customer) => customer.sale_date).sort()).toEqual([
      "2022-06-02",
      "2022-06-03",
      "2022-06-04",
      "2022-06-05",
      "2022-06-06",
      "2022-06-07",
      "2022-06-08",
      "2022-06-10",
      "2022-06-11",
      "2022-06-12",
      "2022-06-13",
    ]);
    expect(customers.find((customer) => customer.vin === "JTMBFREV00D012345")).toMatchObject({
      external_id: "000462",
      sale_date: "2022-06-12",
    });
    expect(customers.find((customer) => customer.rego === "HJK120")?.additional_fields?.phone).toBe(
      "0416777888",
    );

    try {
      await expect(page).toHaveURL(UPLOAD_ID_URL, { timeout: 30_000 });
      await expect(
        page.getByText("You can close this page: the upload carries on in Recapture"),
      ).toBeVisible();
    } finally {
      await api.put("/api/emulator/process-rate", { data: { process_rate: 2000 } });
    }
  });

  test("a legacy .xls is read like any export", async ({ page }) => {
    const wizard = new UploadWizardPage(page);
    await wizard.goto();
    await wizard.drop("legacy-export.xls");
    await expect(page.getByText('Excel 97–2003 workbook · sheet "Customers" · 6 lines')).toBeVisible();
    // One sheet: nothing to choose.
    await expect(wizard.sheet()).toHaveCount(0);
    await wizard.button("Continue to columns").click();
    await expect(wizard.targetOf("Date Sold")).toHaveValue("sale_date");
    await expect(page.getByRole("list", { name: "Sample values of Date Sold" })).toContainText("2022-06-15");
    await wizard.button("Check the rows").click();
    await wizard.button("Review the rows").click();
    await wizard.expectCounts({ rowsInFile: 5, sent: 4, notSent: 1 });
    await wizard.show("Not sent");
    await wizard.fixCell("State", 4, "VIC");
    await wizard.expectCounts({ rowsInFile: 5, sent: 5, notSent: 0 });
    await wizard.button(/^Continue with 5 customers$/).click();
    await wizard.button("Send 5 customers").click();
    await expect(page).toHaveURL(UPLOAD_ID_URL, { timeout: 30_000 });
  });

  test("each whole-column fix changes the counts at once and can be undone; the Send step points at the biggest reason", async ({
    page,
  }) => {
    const wizard = new UploadWizardPage(page);
    await wizard.goto();
    await wizard.pick("column-fixes.csv");
    await wizard.button("Continue to columns").click();
    await expect(wizard.targetOf("Monitor Until")).toHaveValue("monitor_end_date");
    await wizard.button("Check the rows").click();
    await wizard.button("Review the rows").click();
    await wizard.expectCounts({ rowsInFile: 15, sent: 8, notSent: 7 });

    // The Send step warns, names the biggest reason and leads back to it.
    await wizard.button(/^Continue with 8 customers$/).click();
    const warning = page.getByText("7 of 15 rows (47%) won't be sent");
    await expect(warning).toBeVisible();
    await expect(
      page.getByText("The biggest reason: 4 rows whose Sale Date can't be read as dd/mm/yyyy."),
    ).toBeVisible();
    await wizard.screenshot("fixes-1-send-warning");
    await wizard.button("Review these rows").click();
    await wizard.expectStep("Review the rows");
    const saleDates = wizard.problem("Sale Date", "can't be read as dd/mm/yyyy");
    await expect(saleDates).toBeFocused();
    await wizard.expectAccessible("review with whole-column fixes");
    await wizard.screenshot("fixes-2-review-problems");

    // Send without it (an optional field), and undo.
    await saleDates.getByRole("button", { name: "Send these 4 rows without Sale Date" }).click();
    await wizard.expectCounts({ rowsInFile: 15, sent: 12, notSent: 3 });
    await expect(
      page.getByRole("status").filter({ hasText: "Done: 4 rows sent without Sale Date." }),
    ).toBeAttached();
    await wizard.undo("4 rows sent without Sale Date");
    await wizard.expectCounts({ rowsInFile: 15, sent: 8, notSent: 7 });
    await saleDates.getByRole("button", { name: "Send these 4 rows without Sale Date" }).click();
    await wizard.expectCounts({ rowsInFile: 15, sent: 12, notSent: 3 });

    // Read as another format, and undo.
    const readAs = page.getByRole("button", { name: "Read Monitor Until as mm/dd/yyyy (3 of 3 rows)" });
    await readAs.click();
    await wizard.expectCounts({ rowsInFile: 15, sent: 15, notSent: 0 });
    await wizard.undo("Monitor Until read as mm/dd/yyyy in 3 rows");
    await wizard.expectCounts({ rowsInFile: 15, sent: 12, notSent: 3 });
    await readAs.click();
    await wizard.expectCounts({ rowsInFile: 15, sent: 15, notSent: 0 });

    // Don't send rows that would go with a warning, and undo.
    const chassis = wizard.problem("VIN", "holds a chassis number");
    await chassis.getByRole("button", { name: "Don't send these 2 rows" }).click();
    await wizard.expectCounts({ rowsInFile: 15, sent: 13, notSent: 2 });
    await wizard.show("Not sent");
    expect(await wizard.columnValues("Customer No")).toEqual(["F114", "F115"]);
    await wizard.screenshot("fixes-3-applied");
    await wizard.undo("2 rows not sent");
    await wizard.expectCounts({ rowsInFile: 15, sent: 15, notSent: 0 });

    await wizard.button(/^Continue with 15 customers$/).click();
    await expect(warning).toHaveCount(0);
    const sent = page.waitForRequest(
      (request) => request.method() === "POST" && request.url().endsWith("/api/recapture/upload"),
    );
    await wizard.button("Send 15 customers").click();
    const { customers } = (await sent).postDataJSON() as { customers: SentCustomer[] };
    const byId = new Map(customers.map((customer) => [customer.external_id, customer]));
    expect(byId.get("F107")).not.toHaveProperty("sale_date");
    expect(byId.get("F112")).toMatchObject({ sale_date: "2022-06-12", monitor_end_date: "2025-12-31" });
    expect(byId.get("F101")).toMatchObject({ monitor_end_date: "2025-06-30" });
    await expect(page).toHaveURL(UPLOAD_ID_URL, { timeout: 30_000 });
  });

  test("a column mapping one person saves is offered to the next, with who saved it", async ({
    page,
    browser,
    sessionFor,
  }) => {
    // Headers of their own, so no other test's mapping is offered here.
    const branch = `Branch ${test.info().testId.slice(0, 8)}`;
    const file = Buffer.from(`Rego,State,${branch}\r\nMAP101,VIC,North\r\nMAP102,NSW,South\r\n`);
    const staff = new UploadWizardPage(page);
    await staff.goto();
    await staff.drop("branches.csv", file);
    await staff.button("Continue to columns").click();
    await expect(page.getByText("Using the columns")).toHaveCount(0);
    await staff.targetOf(branch).selectOption("ignore");
    await staff.button("Check the rows").click();
    await staff.expectStep("Upload settings");

    const context = await browser.newContext({ storageState: await sessionFor("admin") });
    try {
      const admin = new UploadWizardPage(await context.newPage());
      await admin.goto();
      await admin.drop("branches again.csv", file);
      await admin.button("Continue to columns").click();
      await expect(
        admin.page.getByText(
          /^Using the columns Demo Staff \(staff@demo\.local\) saved on \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/,
        ),
      ).toBeVisible();
      await expect(admin.targetOf(branch)).toHaveValue("ignore");
      await admin.screenshot("mapping-shared");
      await admin.page.getByRole("button", { name: "Start from the suggested match instead" }).click();
      await expect(admin.targetOf(branch)).toHaveValue("additional");
    } finally {
      await context.close();
    }
  });

  test("a workbook that can't be read says why", async ({ page }) => {
    const wizard = new UploadWizardPage(page);
    await wizard.goto();
    const refused = (name: string) => page.getByRole("alert").filter({ hasText: `We can't use "${name}"` });
    await wizard.pick("password-protected.xlsx");
    await expect(refused("password-protected.xlsx")).toContainText("protected with a password");
    await wizard.pick("damaged.xlsx");
    await expect(refused("damaged.xlsx")).toContainText("damaged or incomplete");
    await wizard.pick("empty-workbook.xlsx");
    await expect(refused("empty-workbook.xlsx")).toContainText("This workbook is empty");
    await wizard.screenshot("excel-refused");
  });
});

test.describe("on a phone", () => {
  test.use({ role: "staff", ...phone });

  test("the sheet choice, the date tally, the whole-column fixes and the Send step's warning fit a phone", async ({
    page,
  }) => {
    const wizard = new UploadWizardPage(page);
    await wizard.goto();
    await wizard.pick("delivery-report.xlsx");
    await expect(wizard.sheet()).toBeVisible();
    await expectFitsPhone(page, "excel header row with sheets");
    await wizard.button("Continue to columns").click();
    await expect(page.getByText(/^Of 12 values/)).toBeVisible();
    await wizard.expectAccessible("columns with a date tally");
    await expectFitsPhone(page, "excel columns with date tally");

    await wizard.button("Back").click();
    await wizard.button("Choose another file").click();
    await wizard.pick("column-fixes.csv");
    await wizard.button("Continue to columns").click();
    await wizard.button("Check the rows").click();
    await wizard.button("Review the rows").click();
    await expect(page.getByRole("region", { name: "Fix a whole column" })).toBeVisible();
    await expectFitsPhone(page, "review with whole-column fixes");
    await wizard.button(/^Continue with/).click();
    await expect(page.getByText(/won't be sent/)).toBeVisible();
    await expectFitsPhone(page, "send step warning");
  });
});
