import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { expect, test } from "./fixtures";
import { UploadWizardPage } from "./pages/upload-wizard-page";

const UPLOAD_ID_URL = /\/uploads\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test.describe("upload wizard", () => {
  test.use({ role: "staff" });

  test("a dropped BOM + CRLF export: map, fix a bad cell, download what isn't sent, send, land on progress", async ({
    page,
  }) => {
    const wizard = new UploadWizardPage(page);
    await wizard.goto();
    await wizard.screenshot("1-file");
    await wizard.drop("bom-crlf.csv");

    await expect(await wizard.expectStep("Check the header row")).toBeFocused();
    await expect(page.getByText("UTF-8 with byte-order mark · comma-separated")).toBeVisible();
    await expect(page.getByRole("radio", { name: "Line 1 holds the column names (detected)" })).toBeChecked();
    await wizard.button("Continue to columns").click();

    await expect(await wizard.expectStep("Match the columns")).toBeFocused();
    await expect(wizard.targetOf("Rego No.")).toHaveValue("rego");
    await expect(wizard.targetOf("Registration State")).toHaveValue("state");
    await expect(wizard.targetOf("VIN/Chassis")).toHaveValue("vin");
    await expect(wizard.targetOf("Customer No")).toHaveValue("external_id");
    await expect(wizard.targetOf("Date Sold")).toHaveValue("sale_date");
    await expect(page.getByRole("combobox", { name: "Date format of Date Sold" })).toHaveValue("dmy");
    await expect(page.getByRole("list", { name: "Sample values of Rego No." })).toContainText("1ABC 234");
    await wizard.targetOf("Salesperson").selectOption("ignore");
    await wizard.screenshot("3-mapping");
    await wizard.button("Check the rows").click();

    await wizard.expectStep("Upload settings");
    const name = page.getByLabel("Upload name");
    await expect(name).toHaveValue(/^bom-crlf \d{2}\/\d{2}\/\d{4}$/);
    await name.fill("BOM export e2e");
    await wizard.button("Review the rows").click();

    await wizard.expectStep("Review the rows");
    const before = await wizard.expectCountsAddUp();
    expect(before).toEqual({ rowsInFile: 12, sent: 9, notSent: 3 });
    await wizard.show("Not sent");
    await expect(wizard.table().getByRole("row")).toHaveCount(4);
    await wizard.screenshot("5-review-problems");

    await wizard.fixCell("Date Sold", 6, "28/02/2022");
    await expect(
      page.getByRole("status").filter({ hasText: "Row 6 is fixed and will be sent." }),
    ).toBeAttached();
    const after = await wizard.expectCountsAddUp();
    expect(after).toEqual({ rowsInFile: 12, sent: 10, notSent: 2 });

    // The not-sent file holds exactly the rows the table lists as not sent, with their reasons.
    await wizard.show("All rows");
    await wizard.show("Not sent");
    await expect(wizard.table().getByRole("row")).toHaveCount(3);
    const notSentIds = await wizard.columnValues("Customer No");
    const { download, rows } = await wizard.downloadNotSent();
    expect(download.suggestedFilename()).toBe("bom-crlf - rows not sent.csv");
    const [header, ...notSent] = rows;
    expect(header).toEqual([
      "Customer No",
      "Customer Name",
      "Rego No.",
      "Registration State",
      "VIN/Chassis",
      "Make",
      "Model",
      "Date Sold",
      "Salesperson",
      "problem",
    ]);
    expect(notSent.map((row) => row[0])).toEqual(notSentIds);
    expect(notSent).toHaveLength(after.notSent);
    for (const row of notSent) expect(row.at(-1)).not.toBe("");

    await wizard.button(/^Continue with 10 customers$/).click();
    await expect(await wizard.expectStep("Send the upload")).toBeFocused();
    await wizard.button("Send 10 customers").click();
    await expect(page).toHaveURL(UPLOAD_ID_URL, { timeout: 30_000 });
    await expect(page.getByRole("heading", { level: 1, name: "BOM export e2e" })).toBeVisible();
    await expect(page.getByText("12: 10 sent, 2 not sent")).toBeVisible();
  });

  test("a Windows-1252 export keeps its accented names, in the table and in the not-sent file", async ({
    page,
  }) => {
    const wizard = new UploadWizardPage(page);
    await wizard.goto();
    await wizard.pick("windows-1252.csv");
    await expect(page.getByText("Windows-1252 (older Excel)")).toBeVisible();
    await wizard.button("Continue to columns").click();
    await expect(page.getByRole("list", { name: "Sample values of First Name" })).toContainText("José");
    await expect(wizard.targetOf("Plate")).toHaveValue("rego");
    await wizard.button("Check the rows").click();
    await wizard.button("Review the rows").click();

    await wizard.show("All rows");
    await expect(wizard.table()).toContainText("François");
    await expect(wizard.table()).toContainText("Müller");
    await wizard.expectCountsAddUp();
    await wizard.fixCell("State", 4, "VIC");
    const counts = await wizard.expectCountsAddUp();

    const { rows } = await wizard.downloadNotSent();
    expect(rows.slice(1)).toHaveLength(counts.notSent);
    expect(rows.flat()).toContain("Björn");
    expect(rows.flat()).toContain("Ångström");

    await wizard.button(/^Continue with/).click();
    await wizard.button(`Send ${counts.sent} customers`).click();
    await expect(page).toHaveURL(UPLOAD_ID_URL, { timeout: 30_000 });
  });

  test("title lines above the header are skipped, and the header row can be changed", async ({ page }) => {
    const wizard = new UploadWizardPage(page);
    await wizard.goto();
    await wizard.pick("title-line.csv");
    await expect(page.getByRole("radio", { name: "Line 4 holds the column names (detected)" })).toBeChecked();
    await wizard.screenshot("2-header-row");

    await page.getByRole("radio", { name: "Line 1 holds the column names" }).check();
    await wizard.button("Continue to columns").click();
    await expect(wizard.targetOf("Sales report June 2022")).toBeVisible();
    await expect(page.getByText("Map a column to rego or VIN")).toBeVisible();
    await expect(wizard.button("Check the rows")).toBeDisabled();
    await wizard.button("Back").click();

    await page.getByRole("radio", { name: "Line 4 holds the column names (detected)" }).check();
    await wizard.button("Continue to columns").click();
    await expect(wizard.targetOf("Registration")).toHaveValue("rego");
    await expect(wizard.targetOf("Chassis Number")).toHaveValue("vin");
    await expect(wizard.targetOf("Purchased")).toHaveValue("sale_date");
    // The dealer's stock number goes under a key of our choosing.
    await page.getByRole("textbox", { name: "Additional field name for Stock No" }).fill("stock_number");
    await wizard.button("Check the rows").click();
    await wizard.button("Review the rows").click();

    await wizard.show("Not sent");
    await wizard.fixCell("Purchased", 8, "13/06/2022");
    await wizard.fixCell("Registration", 7, "AB123");
    expect(await wizard.expectCountsAddUp()).toEqual({ rowsInFile: 10, sent: 8, notSent: 2 });
    await wizard.button(/^Continue with 8 customers$/).click();
    await wizard.button("Send 8 customers").click();
    await expect(page).toHaveURL(UPLOAD_ID_URL, { timeout: 30_000 });
  });

  test("a tab-separated export warns about ambiguous dates, and paid lookups are confirmed with their count", async ({
    page,
  }) => {
    const wizard = new UploadWizardPage(page);
    await wizard.goto();
    await wizard.pick("tab-separated.tsv");
    await expect(page.getByText("tab-separated")).toBeVisible();
    await wizard.button("Continue to columns").click();
    await expect(
      page.getByText("These dates read as dd/mm/yyyy and mm/dd/yyyy: check which one your system writes."),
    ).toBeVisible();
    await expect(
      page.getByRole("combobox", { name: "Date format of Sale Date" }),
    ).toHaveAccessibleDescription(/These dates read as/);
    await wizard.button("Check the rows").click();

    await wizard.expectStep("Upload settings");
    await expect(page.getByText("5 customers would trigger a paid lookup")).toBeVisible();
    const lookups = page.getByRole("checkbox", { name: "Look up VINs from regos (paid)" });
    await lookups.click();
    const dialog = page.getByRole("dialog", { name: "Switch on paid rego lookups?" });
    await expect(dialog).toContainText("5 customers");
    await wizard.screenshot("4-settings-lookups");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(lookups).not.toBeChecked();
    await lookups.click();
    await dialog.getByRole("button", { name: "Switch on lookups" }).click();
    await expect(lookups).toBeChecked();

    await page.getByLabel("Monitor from").fill("01/07/2023");
    await page.getByLabel("Monitor until").fill("30/06/2023");
    await wizard.button("Review the rows").click();
    await expect(page.getByText("The monitoring end date must be on or after the start date")).toBeVisible();
    await page.getByLabel("Monitor until").fill("30/06/2025");
    await wizard.button("Review the rows").click();

    const counts = await wizard.expectCountsAddUp();
    await wizard.button(/^Continue with/).click();
    await expect(page.getByText("On: up to 5 paid lookups")).toBeVisible();
    await expect(page.getByText("From 01/07/2023 until 30/06/2025")).toBeVisible();
    await wizard.screenshot("6-send");
    await wizard.button(`Send ${counts.sent} customers`).click();
    await expect(page).toHaveURL(UPLOAD_ID_URL, { timeout: 30_000 });
  });

  test("quoted line breaks stay inside their cell and the rows still add up", async ({ page }) => {
    const wizard = new UploadWizardPage(page);
    await wizard.goto();
    await wizard.pick("quoted-newlines.csv");
    // Eight customers over thirteen physical lines: the line breaks inside quotes don't start rows.
    await expect(page.getByText(/comma-separated · 9 lines/)).toBeVisible();
    await wizard.button("Continue to columns").click();
    await wizard.button("Check the rows").click();
    await wizard.button("Review the rows").click();
    expect(await wizard.expectCountsAddUp()).toEqual({ rowsInFile: 8, sent: 5, notSent: 3 });
    await wizard.show("All rows");
    expect(await wizard.columnValues("Address")).toContain("Unit 4, 12 High St\nRichmond VIC 3121");

    const { rows } = await wizard.downloadNotSent();
    expect(rows.slice(1).map((row) => row[0])).toEqual(["C7003", "C7005", "C7006"]);
    expect(rows.find((row) => row[0] === "C7005")?.[2]).toBe("7 King St\nHobart TAS 7000");

    await wizard.button(/^Continue with 5 customers$/).click();
    await wizard.button("Send 5 customers").click();
    await expect(page).toHaveURL(UPLOAD_ID_URL, { timeout: 30_000 });
  });

  test("formula-looking cells are neutralised in the file of rows not sent, and come back as they were", async ({
    page,
  }) => {
    const wizard = new UploadWizardPage(page);
    await wizard.goto();
    await wizard.pick("formula-cells.csv");
    await wizard.button("Continue to columns").click();
    await expect(wizard.targetOf("Phone")).toHaveValue("additional");
    await wizard.button("Check the rows").click();
    await wizard.button("Review the rows").click();
    expect(await wizard.expectCountsAddUp()).toEqual({ rowsInFile: 4, sent: 1, notSent: 3 });

    const { download, rows } = await wizard.downloadNotSent();
    expect(rows.map((row) => row.slice(0, 6))).toEqual([
      ["Customer No", "Rego No.", "State", "Date Sold", "Phone", "Notes"],
      ["C20002", "FRM102", "NSW", "31/02/2022", "'+61 498 765 432", "'=SUM(A1)"],
      ["C20003", "FRM103", "Vic.", "32/03/2022", "'@x", "'\tindented"],
      ["C20004", "FRM104", "XX", "02/03/2022", "'-5", "'71 Holden"],
    ]);

    // The same file, dropped in again: every cell reads as it did in the original export.
    await page.getByRole("button", { name: "Back to step 1: File" }).click();
    await wizard.drop(download.suggestedFilename(), readFileSync(await download.path()));
    await wizard.button("Continue to columns").click();
    await expect(wizard.targetOf("problem")).toHaveValue("ignore");
    await wizard.button("Check the rows").click();
    await wizard.button("Review the rows").click();
    await wizard.show("All rows");
    expect(await wizard.columnValues("Phone")).toEqual(["+61 498 765 432", "@x", "-5"]);
    expect(await wizard.columnValues("Notes")).toEqual(["=SUM(A1)", "\tindented", "'71 Holden"]);

    await wizard.fixCell("Date Sold", 2, "28/02/2022");
    await wizard.fixCell("Date Sold", 3, "31/03/2022");
    await wizard.fixCell("State", 4, "QLD");
    expect(await wizard.expectCountsAddUp()).toEqual({ rowsInFile: 3, sent: 3, notSent: 0 });
    await wizard.button(/^Continue with 3 customers$/).click();
    const sent = page.waitForRequest(
      (request) => request.method() === "POST" && request.url().endsWith("/api/recapture/upload"),
    );
    await wizard.button("Send 3 customers").click();
    const { customers } = (await sent).postDataJSON() as {
      customers: { external_id: string; additional_fields: Record<string, string> }[];
    };
    expect(customers.map(({ external_id, additional_fields }) => [external_id, additional_fields])).toEqual([
      ["C20002", { phone: "+61 498 765 432", notes: "=SUM(A1)" }],
      ["C20003", { phone: "@x", notes: "indented" }],
      ["C20004", { phone: "-5", notes: "'71 Holden" }],
    ]);
    await expect(page).toHaveURL(UPLOAD_ID_URL, { timeout: 30_000 });
  });

  test("the register serves a stored file of rows not sent with its formula cells neutralised", async ({
    api,
  }) => {
    const created = await api.post("/api/recapture/upload", {
      data: { name: "E2E crafted not-sent file", customers: [{ rego: "FRM999", state: "VIC" }] },
    });
    expect(created.status()).toBe(202);
    const { upload } = (await created.json()) as { upload: { id: string } };
    const partId = created.headers()["idempotency-key"];
    // Recorded as a browser could, without the wizard's neutralising.
    const recorded = await api.post("/api/uploads/batches", {
      data: {
        name: "E2E crafted not-sent file",
        fileName: "crafted.csv",
        rowsInFile: 2,
        sent: 1,
        notSent: 1,
        notSentCsv:
          'Rego,Notes,problem\r\n,"=HYPERLINK(""http://evil.example"")",Row 3: needs a rego or a VIN',
        partIds: [partId],
      },
    });
    expect(recorded.status(), await recorded.text()).toBe(201);
    const file = await api.get(`/api/uploads/${upload.id}/not-sent`);
    expect(file.status()).toBe(200);
    const text = await file.text();
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(Papa.parse<string[]>(text.slice(1)).data).toEqual([
      ["Rego", "Notes", "problem"],
      ["", '\'=HYPERLINK("http://evil.example")', "Row 3: needs a rego or a VIN"],
    ]);
  });

  test("every step passes axe and starts at its heading", async ({ page }) => {
    const wizard = new UploadWizardPage(page);
    await wizard.goto();
    await wizard.expectAccessible("file");
    await wizard.pick("tab-separated.tsv");
    for (const [heading, next] of [
      ["Check the header row", "Continue to columns"],
      ["Match the columns", "Check the rows"],
      ["Upload settings", "Review the rows"],
      ["Review the rows", /^Continue with/],
      ["Send the upload", undefined],
    ] as const) {
      await expect(await wizard.expectStep(heading)).toBeFocused();
      await wizard.expectAccessible(heading);
      if (next) await wizard.button(next).click();
    }
  });

  test("files that can't be used say why", async ({ page }) => {
    const wizard = new UploadWizardPage(page);
    await wizard.goto();
    const refused = (name: string) => page.getByRole("alert").filter({ hasText: `We can't use "${name}"` });

    await wizard.fileInput.setInputFiles({
      name: "empty.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(""),
    });
    await expect(refused("empty.csv")).toContainText("This file is empty");

    await wizard.fileInput.setInputFiles({
      name: "photo.csv",
      mimeType: "text/csv",
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]),
    });
    await expect(refused("photo.csv")).toContainText("This file is not text");

    await wizard.fileInput.setInputFiles({
      name: "header-only.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("Rego,State,VIN\r\n"),
    });
    await expect(refused("header-only.csv")).toContainText("no customers below the header");

    await wizard.fileInput.setInputFiles({
      name: "june.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.7"),
    });
    await expect(refused("june.pdf")).toContainText("isn't a CSV file or an Excel workbook");

    // Built in the page, so 101 MB never crosses the wire; refused before it is read.
    const dataTransfer = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(101 * 1024 * 1024)], "huge.csv", { type: "text/csv" }));
      return transfer;
    });
    await wizard.dropZone.dispatchEvent("drop", { dataTransfer });
    await expect(refused("huge.csv")).toContainText("This file is 101 MB; the limit is 100 MB");
    await wizard.screenshot("1-file-error");
  });
});

test.describe("upload wizard for a viewer", () => {
  test.use({ role: "viewer" });

  test("a viewer can't reach the wizard", async ({ page }) => {
    const response = await page.goto("/uploads/new");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "New upload" }),
    ).toHaveCount(0);
  });
});
