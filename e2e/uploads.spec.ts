import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { e2eServerEnv } from "../playwright.config";
import { expect, test } from "./fixtures";
import { CustomersPage } from "./pages/customers-page";
import { UploadPage } from "./pages/upload-page";
import { UploadsPage } from "./pages/uploads-page";
import { expectAccessible } from "./support/axe";

/**
 * Upload progress and the register, against the embedded emulator. Its
 * processing is slowed (a control endpoint) so that a 5,000-customer upload
 * keeps it busy for about 25 seconds: time to watch, reload and cancel midway.
 */

const BUSY_SECONDS = 25;
const STATES = ["VIC", "NSW", "QLD", "WA", "SA", "TAS"];

interface SentUpload {
  id: string;
  name: string;
  total_uploaded_customers: number;
  total_processed_customers: number;
}

const BUSY_UPLOAD = 5_000;

/** Sets the embedded emulator's processing rate, in customers per second. */
async function setProcessRate(api: APIRequestContext, rate: number) {
  const response = await api.put("/api/emulator/process-rate", { data: { process_rate: rate } });
  expect(response.status()).toBe(200);
}

async function sendUpload(
  api: APIRequestContext,
  name: string,
  count: number,
  partId?: string,
): Promise<SentUpload> {
  const customers = Array.from({ length: count }, (_, index) => ({
    rego: `UP${index.toString(36).toUpperCase().padStart(4, "0")}`,
    state: STATES[index % STATES.length],
  }));
  const response = await api.post("/api/recapture/upload", {
    data: { name, customers },
    headers: partId ? { "Idempotency-Key": partId } : {},
  });
  expect(response.status(), await response.text()).toBe(202);
  return ((await response.json()) as { upload: SentUpload }).upload;
}

async function liveUpload(api: APIRequestContext, uploadId: string): Promise<SentUpload> {
  const response = await api.get(`/api/recapture/upload/${uploadId}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { upload: SentUpload }).upload;
}

/** Stops a test's upload so the next test's is not queued behind it (the emulator works oldest first). */
async function stopUpload(api: APIRequestContext, uploadId: string) {
  await api.delete(`/api/recapture/upload/${uploadId}`);
}

test.describe("upload progress", () => {
  test.use({ role: "staff" });

  test.beforeEach(async ({ api }) => {
    await setProcessRate(api, BUSY_UPLOAD / BUSY_SECONDS);
  });

  test.afterEach(async ({ api }) => {
    await setProcessRate(api, Number(e2eServerEnv.EMULATOR_PROCESS_RATE));
  });

  test("staff watch the bar rise, reload midway, cancel, and it stays cancelled", async ({ page, api }) => {
    const upload = await sendUpload(api, "E2E watched upload", BUSY_UPLOAD);
    const progress = new UploadPage(page);

    await progress.goto(upload.id);
    await expect(page.getByRole("heading", { level: 1, name: "E2E watched upload" })).toBeVisible();
    await expect(progress.bar).toHaveAttribute("aria-valuemin", "0");
    await expect(progress.bar).toHaveAttribute("aria-valuemax", "100");
    const before = await progress.expectRisingPast(0);
    await expect(progress.state("Processing")).toBeVisible();
    await expect(progress.progress.getByText(/a second$/)).toBeVisible();

    await page.reload();
    // The register's last numbers show at once after a reload, then keep rising.
    expect(await progress.percent()).toBeGreaterThanOrEqual(before);
    await progress.expectRisingPast(await progress.percent());

    await progress.cancel();
    await expect(progress.state("Cancelled")).toBeVisible();
    await expect(progress.cancelButton).toBeHidden();
    await expect(page.getByText(/^Cancelled by Demo Staff at .* customers processed\./)).toBeVisible();
    await expect(page.getByRole("link", { name: "View the customers of this upload" })).toHaveAttribute(
      "href",
      `/customers?upload=${upload.id}`,
    );

    const stopped = await liveUpload(api, upload.id);
    expect(stopped.total_processed_customers).toBeLessThan(BUSY_UPLOAD);
    await page.reload();
    await expect(progress.state("Cancelled")).toBeVisible();
    await expect(progress.bar).toHaveAttribute(
      "aria-valuenow",
      String(Math.floor((stopped.total_processed_customers / BUSY_UPLOAD) * 100)),
    );
    // At the emulator's rate, the reload alone would have moved a running upload on.
    expect((await liveUpload(api, upload.id)).total_processed_customers).toBe(
      stopped.total_processed_customers,
    );

    const register = new UploadsPage(page);
    await register.goto();
    const row = register.row("E2E watched upload");
    await expect(row).toContainText("Cancelled");
    await expect(row).toContainText("Demo Staff");
    await expect(row.getByRole("progressbar")).toHaveAttribute(
      "aria-valuenow",
      String(Math.floor((stopped.total_processed_customers / BUSY_UPLOAD) * 100)),
    );
  });

  test("a viewer sees the progress but no Cancel", async ({ api, browser, sessionFor }) => {
    const upload = await sendUpload(api, "E2E upload a viewer watches", BUSY_UPLOAD);
    const context = await browser.newContext({ storageState: await sessionFor("viewer") });
    const page = await context.newPage();
    const progress = new UploadPage(page);
    try {
      await progress.goto(upload.id);
      await progress.expectRisingPast(0);
      await expect(progress.state("Processing")).toBeVisible();
      await expect(progress.cancelButton).toHaveCount(0);

      const register = new UploadsPage(page);
      await register.goto();
      await expect(register.row("E2E upload a viewer watches")).toContainText("Demo Staff");
      await expect(register.trackButton).toHaveCount(0);
      await expect(page.getByRole("main").getByRole("link", { name: "New upload" })).toHaveCount(0);
    } finally {
      await context.close();
      await stopUpload(api, upload.id);
    }
  });

  test("when the Recapture API can't be reached the last numbers stay, then it reconnects", async ({
    page,
    api,
  }) => {
    const upload = await sendUpload(api, "E2E upload through an outage", BUSY_UPLOAD);
    const progress = new UploadPage(page);
    try {
      await progress.goto(upload.id);
      await progress.expectRisingPast(0);

      expect((await api.put("/api/emulator/faults", { data: { errorRate: 1 } })).status()).toBe(200);
      await expect(progress.state("Can’t reach the Recapture API")).toBeVisible();
      await expect(page.getByRole("status").filter({ hasText: "Reconnecting…" })).toBeVisible();
      const held = await progress.percent();
      expect(held).toBeGreaterThan(0);

      await api.delete("/api/emulator/faults");
      await expect(progress.state("Processing")).toBeVisible({ timeout: 20_000 });
      await expect(page.getByRole("status").filter({ hasText: "Reconnecting…" })).toBeHidden();
      await progress.expectRisingPast(held);
    } finally {
      await api.delete("/api/emulator/faults");
      await stopUpload(api, upload.id);
    }
  });

  test("when processing stands still for a minute the page says why it may be", async ({ page, api }) => {
    const upload = await sendUpload(api, "E2E upload that stalls", BUSY_UPLOAD);
    try {
      // The API answers with the same counters from now on, as it does for an upload
      // cancelled outside the dashboard, and the test jumps the page's clock forward.
      const frozen = { ...(await liveUpload(api, upload.id)), total_processed_customers: 1_234 };
      // Switched off by a flag rather than unroute(): a poll caught by the route just as
      // it is removed would be left unanswered, and later polls would wait on it.
      let freeze = true;
      await page.route(`**/api/recapture/upload/${upload.id}?*`, (route) =>
        freeze ? route.fulfill({ json: { success: true, upload: frozen } }) : route.continue(),
      );
      await page.clock.install();
      const progress = new UploadPage(page);
      await progress.goto(upload.id);
      await expect(page.getByText("1,234", { exact: true })).toBeVisible();
      const stalled = page.getByRole("status").filter({ hasText: /^No customers processed since / });
      await page.clock.runFor(30_000);
      await expect(stalled).toBeHidden();

      await page.clock.runFor(31_000);
      await expect(stalled).toBeVisible();
      await expect(stalled).toContainText("may have been cancelled outside the dashboard");
      await expect(progress.state("Processing")).toBeVisible();
      await expectAccessible(page, "progress page with the stall notice");

      // Moving again (the clock runs on by itself between the test's jumps), the notice goes.
      freeze = false;
      await expect(page.getByText("1,234", { exact: true })).toBeHidden();
      await expect(stalled).toBeHidden();
    } finally {
      await stopUpload(api, upload.id);
    }
  });

  test("the parts of a split file show together, and the rows not sent download", async ({ page, api }) => {
    const partIds = [randomUUID(), randomUUID()];
    await sendUpload(api, "E2E trade-ins (part 1 of 2)", 300, partIds[0]);
    const second = await sendUpload(api, "E2E trade-ins (part 2 of 2)", 200, partIds[1]);
    const notSentCsv =
      "Rego No.,State,problem\nAB 12,Victoria,Neither a rego nor a VIN\n,W.A.,Neither a rego nor a VIN\n";
    const batch = await api.post("/api/uploads/batches", {
      data: {
        name: "E2E trade-ins",
        fileName: "trade-ins.csv",
        rowsInFile: 502,
        sent: 500,
        notSent: 2,
        notSentCsv,
        partIds,
      },
    });
    expect(batch.status(), await batch.text()).toBe(201);

    const progress = new UploadPage(page);
    // Any part's link opens the whole file.
    await progress.goto(second.id);
    await expect(page.getByRole("heading", { level: 1, name: "E2E trade-ins" })).toBeVisible();
    await expect(page.getByRole("progressbar", { name: "All parts" })).toBeVisible();
    await expect(page.getByRole("progressbar", { name: "Part 1 of 2" })).toBeVisible();
    await expect(page.getByRole("progressbar", { name: "Part 2 of 2" })).toBeVisible();
    await expect(progress.state("Complete")).toBeVisible();
    await expect(page.getByRole("progressbar", { name: "All parts" })).toHaveAttribute(
      "aria-valuenow",
      "100",
    );
    await expect(page.getByRole("link", { name: "Customers of part 2" })).toHaveAttribute(
      "href",
      `/customers?upload=${second.id}`,
    );
    await expect(page.getByText("502: 500 sent, 2 not sent")).toBeVisible();

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download the 2 rows not sent (CSV)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("trade-ins - rows not sent.csv");
    const path = await download.path();
    const { readFile } = await import("node:fs/promises");
    // Served as every file the dashboard writes: with a BOM for Excel, CRLF lines, formula cells neutralised.
    expect(await readFile(path, "utf8")).toBe(`\uFEFF${notSentCsv.replaceAll("\n", "\r\n")}`);

    const register = new UploadsPage(page);
    await register.goto();
    await expect(register.row("E2E trade-ins")).toContainText("trade-ins.csv · 2 parts");
  });
});

test.describe("the register", () => {
  test.use({ role: "staff" });

  test("starts with the emulator's demo uploads as history, and picks one to list its customers", async ({
    page,
    api,
  }) => {
    const listed = await api.get("/api/uploads?pageSize=500");
    const { uploads } = (await listed.json()) as {
      uploads: {
        id: string;
        name: string;
        source: string;
        parts: { totalUploaded: number; totalErrors: number }[];
      }[];
    };
    const demo = uploads.filter((upload) => upload.source === "demo");
    expect(demo).toHaveLength(6);
    const newest = demo[0]!;

    // The register page that holds it (25 a page, newest first), whatever earlier tests sent.
    await page.goto(`/uploads?page=${Math.floor(uploads.indexOf(newest) / 25) + 1}`);
    const register = new UploadsPage(page);
    await expect(register.rowOf(newest.id)).toContainText("Emulator demo data");
    await expect(register.rowOf(newest.id)).toContainText("Demo data");
    await expectAccessible(page, "register of uploads");
    await register.rowOf(newest.id).getByRole("link", { name: newest.name }).click();
    await expect(page).toHaveURL(`/uploads/${newest.id}`);
    await expect(page.getByText(/^Emulator demo data, sent on \d{2}\/\d{2}\/\d{4} /)).toBeVisible();
    await expect(new UploadPage(page).state("Complete")).toBeVisible();
    await expectAccessible(page, "progress page of a complete upload");

    const customers = new CustomersPage(page);
    await customers.goto();
    await customers.pickUpload(newest.name);
    await expect(page).toHaveURL(new RegExp(`upload=${newest.id}$`));
    const count = newest.parts[0]!.totalUploaded - newest.parts[0]!.totalErrors;
    await expect(customers.summary).toHaveText(new RegExp(`of ${count.toLocaleString("en-AU")} customers$`));
  });

  test("tracks an upload made outside the dashboard once the API confirms it exists", async ({
    page,
    api,
  }) => {
    const register = new UploadsPage(page);
    await register.goto();

    await register.track("00000000-0000-4000-8000-000000000000");
    await expect(
      register.trackDialog.getByText("The Recapture API has no upload with that id in the AU region."),
    ).toBeVisible();
    await register.trackDialog.getByRole("button", { name: "Cancel" }).click();

    // Another set of demo data loaded into the emulator now is made "elsewhere": only the
    // first start's demo uploads are recorded in the register.
    const loaded = await api.post("/api/emulator/demo");
    expect(loaded.status()).toBe(200);
    const [id] = ((await loaded.json()) as { upload_ids: string[] }).upload_ids;
    const demo = { id: id!, name: (await liveUpload(api, id!)).name };

    await register.track(demo.id);
    await expect(page).toHaveURL(`/uploads/${demo.id}`);
    await expect(page.getByRole("heading", { level: 1, name: demo.name })).toBeVisible();
    await expect(page.getByText(/^Tracked by Demo Staff on /)).toBeVisible();
    await expect(new UploadPage(page).state("Complete")).toBeVisible();

    await register.goto();
    await expect(register.rowOf(demo.id)).toContainText("Tracked by id");
  });

  test("lists newest first, a page at a time, with the page in the URL", async ({ page, api }) => {
    // More than a page of 25, whatever the earlier tests left.
    for (let n = 1; n <= 26; n += 1) await sendUpload(api, `E2E register ${n}`, 1);
    const register = new UploadsPage(page);
    await register.goto();
    const names = register.table.locator("tbody > tr a[href^='/uploads/']");
    await expect(names).toHaveCount(25);
    await expect(names.first()).toHaveText("E2E register 26");
    await expect(names.nth(1)).toHaveText("E2E register 25");

    await page.getByRole("navigation", { name: "Pagination" }).getByRole("button", { name: "Next" }).click();
    await expect(page).toHaveURL(/\/uploads\?page=2$/);
    await expect(names.first()).toHaveText("E2E register 1");
    await page.reload();
    await expect(names.first()).toHaveText("E2E register 1");
  });
});
