import { readFile } from "node:fs/promises";
import type { Download, Page } from "@playwright/test";
import Papa from "papaparse";
import { LEAD_EXPORT_HEADERS } from "@/lib/leads/lead-export";
import { openWorkbook } from "@/lib/spreadsheet";
import { expect, test } from "./fixtures";
import { expectAccessible } from "./support/axe";
import { listACarToday } from "./support/lead-news";

/**
 * The leads export: every lead the inbox's filters match (not only the page on screen), as CSV
 * and as Excel, from the Export menu beside the filters; its rows counted against GET /api/leads
 * for the same question. The leads are the demo customers' sightings, recorded by the start-up
 * sync. A formula-looking listing title is neutralised in lib/server/leads/leads-export.test.ts:
 * the emulator's controls can't set a listing's title.
 */

function csvRows(text: string): string[][] {
  expect(text.charCodeAt(0), "a byte-order mark for Excel").toBe(0xfeff);
  return Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
}

async function downloadFrom(page: Page, format: "CSV (.csv)" | "Excel (.xlsx)"): Promise<Download> {
  await page.getByRole("button", { name: "Export" }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: format }).click();
  return download;
}

test.describe("leads export", () => {
  test.use({ role: "manager" });

  test("downloads every new lead as CSV and Excel, as many rows as the inbox counts", async ({
    page,
    api,
  }) => {
    await expect
      .poll(async () => (await (await api.get("/api/leads")).json()).total, {
        message: "leads from the demo sightings",
        timeout: 30_000,
      })
      .toBeGreaterThan(0);
    // A New lead whatever the demo's history holds: a car listed today.
    await listACarToday(api);
    const response = await api.get("/api/leads?status=new");
    expect(response.status()).toBe(200);
    const { total } = (await response.json()) as { total: number };
    expect(total).toBeGreaterThan(0);

    await page.goto("/leads?status=new");
    await expect(page.getByTestId("leads-total")).toHaveText(/\d/);
    await page.getByRole("button", { name: "Export" }).click();
    await expect(page.getByText(/^Exports (all [\d,]+ leads|the 1 lead) that match\.$/)).toBeVisible();
    await expect(page.getByRole("menuitem", { name: "CSV (.csv)" })).toBeVisible();
    await expectAccessible(page, "leads inbox with the export menu open");
    await page.keyboard.press("Escape");

    const csv = await downloadFrom(page, "CSV (.csv)");
    expect(csv.suggestedFilename()).toMatch(/^leads-\d{4}-\d\d-\d\d\.csv$/);
    const rows = csvRows(await readFile((await csv.path())!, "utf8"));
    expect(rows[0]).toEqual(LEAD_EXPORT_HEADERS);
    expect(rows.length).toBe(1 + total);
    const status = LEAD_EXPORT_HEADERS.indexOf("Status");
    expect(rows.slice(1).every((row) => row[status] === "New")).toBe(true);
    const seen = LEAD_EXPORT_HEADERS.indexOf("Seen");
    expect(rows.slice(1).every((row) => /^\d\d\/\d\d\/\d{4}$/.test(row[seen]!))).toBe(true);

    const xlsx = await downloadFrom(page, "Excel (.xlsx)");
    expect(xlsx.suggestedFilename()).toMatch(/^leads-\d{4}-\d\d-\d\d\.xlsx$/);
    const workbook = await openWorkbook(new Uint8Array(await readFile((await xlsx.path())!)));
    const sheet = await workbook.readSheet(0);
    expect(sheet[0]).toEqual(LEAD_EXPORT_HEADERS);
    expect(sheet.length).toBe(1 + total);
  });
});
