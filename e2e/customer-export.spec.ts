import { readFile } from "node:fs/promises";
import type { APIRequestContext, Download, Page } from "@playwright/test";
import Papa from "papaparse";
import { openWorkbook } from "@/lib/spreadsheet";
import { expect, test } from "./fixtures";
import { expectAccessible } from "./support/axe";
import { uniqueRego } from "./support/customers";

/**
 * The customers export: every customer the page's search matches (not only the page on screen),
 * as CSV and as Excel, from the Export menu beside Columns. Counts are checked against the
 * export route itself, unfiltered and filtered.
 */

const FORMULA = '=HYPERLINK("http://x")';

function csvRows(text: string): string[][] {
  expect(text.charCodeAt(0), "a byte-order mark for Excel").toBe(0xfeff);
  return Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
}

async function exported(api: APIRequestContext, query: string): Promise<string[][]> {
  const response = await api.get(`/api/customers/export?format=csv${query}`);
  expect(response.status()).toBe(200);
  return csvRows(new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.body()));
}

async function downloadFrom(page: Page, format: "CSV (.csv)" | "Excel (.xlsx)"): Promise<Download> {
  await page.getByRole("button", { name: "Export" }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: format }).click();
  return download;
}

test.describe("customers export", () => {
  test.use({ role: "staff" });

  test("downloads every Victorian customer as CSV and Excel, a formula-looking value left harmless", async ({
    page,
    api,
  }) => {
    const rego = uniqueRego("EXP");
    const created = await api.put("/api/recapture/customers", {
      data: { customer: { rego, state: "VIC", external_id: FORMULA } },
    });
    expect(created.ok()).toBe(true);

    const everyone = await exported(api, "");
    const victorians = await exported(api, "&state=VIC");
    expect(victorians.length).toBeGreaterThan(1);
    expect(victorians.length).toBeLessThan(everyone.length);
    const stateColumn = victorians[0]!.indexOf("State");
    expect(victorians.slice(1).every((row) => row[stateColumn] === "VIC")).toBe(true);

    await page.goto("/customers?state=VIC");
    await page.getByRole("button", { name: "Export" }).click();
    await expect(page.getByText(/^Exports all [\d,]+ customers that match\.$/)).toBeVisible();
    await expect(page.getByRole("menuitem", { name: "CSV (.csv)" })).toBeVisible();
    await expectAccessible(page, "customers page with the export menu open");
    await page.keyboard.press("Escape");

    const csv = await downloadFrom(page, "CSV (.csv)");
    expect(csv.suggestedFilename()).toMatch(/^customers-\d{4}-\d\d-\d\d\.csv$/);
    const rows = csvRows(await readFile((await csv.path())!, "utf8"));
    expect(rows.length).toBe(victorians.length);
    expect(rows[0]).toEqual(expect.arrayContaining(["Rego", "State", "External ID", "Sightings"]));
    const regoColumn = rows[0]!.indexOf("Rego");
    const externalIdColumn = rows[0]!.indexOf("External ID");
    expect(rows.find((row) => row[regoColumn] === rego)?.[externalIdColumn]).toBe(`'${FORMULA}`);

    const xlsx = await downloadFrom(page, "Excel (.xlsx)");
    expect(xlsx.suggestedFilename()).toMatch(/^customers-\d{4}-\d\d-\d\d\.xlsx$/);
    const workbook = await openWorkbook(new Uint8Array(await readFile((await xlsx.path())!)));
    const sheet = await workbook.readSheet(0);
    expect(sheet.length).toBe(victorians.length);
    expect(sheet[0]).toEqual(rows[0]);
    // A text cell in a workbook is never run: the value is kept exactly as the customer has it.
    expect(sheet.find((row) => row[regoColumn] === rego)?.[externalIdColumn]).toBe(FORMULA);
  });

  test("exports only the columns on screen, and refuses one it doesn't know", async ({ page, api }) => {
    await page.goto("/customers");
    await page.getByRole("button", { name: "Columns" }).click();
    await page.getByRole("menuitemcheckbox", { name: "VIN" }).click();
    await page.keyboard.press("Escape");
    const csv = await downloadFrom(page, "CSV (.csv)");
    const [headers] = csvRows(await readFile((await csv.path())!, "utf8"));
    expect(headers).not.toContain("VIN");
    expect(headers![0]).toBe("Rego");

    const refused = await api.get("/api/customers/export?format=csv&columns=rego,password");
    expect(refused.status()).toBe(400);
    expect((await refused.json()).error.message).toContain('"password"');
  });
});
