import { randomUUID } from "node:crypto";
import { request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";
import { expect, signInViaApi, test } from "./fixtures";
import { UploadsPage } from "./pages/uploads-page";
import { UploadWizardPage } from "./pages/upload-wizard-page";
import { expectAccessible } from "./support/axe";

/**
 * An upload is never queued twice: when the Recapture API's answer to a part is
 * lost or late (the emulator's faults), the part is "not confirmed", the
 * dashboard checks upstream for its customers, and it is linked or offered
 * again only when it didn't arrive. Each case ends with one copy upstream.
 */

const PART_FIELD = "recapture_dashboard_part";
const SHOTS = "test-results/upload-not-confirmed";

async function setFaults(api: APIRequestContext, faults: Record<string, unknown>) {
  expect((await api.put("/api/emulator/faults", { data: faults })).status()).toBe(200);
}

/** Uploads the Recapture API was asked to queue since the journal was cleared. */
async function uploadPosts(api: APIRequestContext): Promise<number> {
  const response = await api.get("/api/emulator/journal?limit=1000");
  const { requests } = (await response.json()) as { requests: { method: string; path: string }[] };
  return requests.filter((entry) => entry.method === "POST" && entry.path === "/v2/recapture/upload").length;
}

/** Customers upstream carrying this part's id: how many copies of it the API holds. */
async function copiesOf(api: APIRequestContext, partId: string): Promise<number> {
  let copies = 0;
  for (let offset = 0, total = 1; offset < total; offset += 500) {
    const page = (await (await api.get(`/api/recapture/customers?offset=${offset}&limit=500`)).json()) as {
      total: number;
      customers: { additional_fields: Record<string, unknown> | null }[];
    };
    total = page.total;
    copies += page.customers.filter((customer) => customer.additional_fields?.[PART_FIELD] === partId).length;
  }
  return copies;
}

/** The bom-crlf export up to the last step, named `name`: 9 customers to send. */
async function sendStep(page: Page, name: string): Promise<UploadWizardPage> {
  const wizard = new UploadWizardPage(page);
  await wizard.goto();
  await wizard.drop("bom-crlf.csv");
  await wizard.button("Continue to columns").click();
  await wizard.expectStep("Match the columns");
  await wizard.button("Check the rows").click();
  await wizard.expectStep("Upload settings");
  await page.getByLabel("Upload name").fill(name);
  await wizard.button("Review the rows").click();
  await wizard.expectStep("Review the rows");
  await wizard.button(/^Continue with 9 customers$/).click();
  await wizard.expectStep("Send the upload");
  return wizard;
}

/** The Idempotency-Key of every part the page sends. */
function partKeys(page: Page): string[] {
  const keys: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/api/recapture/upload") {
      keys.push(request.headers()["idempotency-key"] ?? "");
    }
  });
  return keys;
}

/** Full-page screenshots at a desktop and a phone width. */
async function screenshots(page: Page, name: string) {
  const size = page.viewportSize()!;
  await page.screenshot({ path: `${SHOTS}/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/${name}-390.png`, fullPage: true });
  await page.setViewportSize(size);
}

test.use({ role: "staff" });

test.beforeEach(async ({ api }) => {
  await api.delete("/api/emulator/journal");
});

test.afterEach(async ({ api }) => {
  await api.delete("/api/emulator/faults");
});

test.describe("the wizard, when a part isn't confirmed", () => {
  test("the API accepts the part and the answer is lost: found upstream, queued once", async ({
    page,
    api,
  }) => {
    const keys = partKeys(page);
    const wizard = await sendStep(page, "E2E lost answer");
    await setFaults(api, { dropResponseRate: 1, times: 1 });
    await wizard.button("Send 9 customers").click();

    await expect(page).toHaveURL(/\/uploads\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    await expect(page.getByRole("heading", { level: 1, name: "E2E lost answer" })).toBeVisible();
    await expect(page.getByText("Received, upload id unknown")).toBeVisible();
    await expect(page.getByText(/9 of its 9 customers are in the Recapture API\.$/)).toBeVisible();
    await screenshots(page, "progress-received");
    expect(keys).toHaveLength(1);
    expect(await uploadPosts(api)).toBe(1);
    expect(await copiesOf(api, keys[0]!)).toBe(9);
  });

  test("the API answers after the timeout: not confirmed, then linked to its upload", async ({
    page,
    api,
  }) => {
    const keys = partKeys(page);
    const wizard = await sendStep(page, "E2E late answer");
    // Four times RECAPTURE_TIMEOUT_MS (3 s in e2e): the dashboard answered 504 long before the API
    // queues it, yet within the four further timeouts it still listens for a late answer.
    await setFaults(api, { latencyMs: 12_000, times: 1 });
    await wizard.button("Send 9 customers").click();

    const notice = page.getByText("Not confirmed — checking whether the API received it…");
    await expect(notice).toBeVisible({ timeout: 10_000 });
    await expect(
      page.getByText("The Recapture API took too long to answer.", { exact: false }),
    ).toBeVisible();
    await expect(page.getByText(/waiting for its answer\. Checking again in a few seconds\.$/)).toBeVisible();
    await expect(wizard.button("Checking…")).toBeDisabled();
    await expect(wizard.button("Back")).toHaveCount(0);
    await screenshots(page, "wizard-not-confirmed");
    await expectAccessible(page, "the wizard with a part not confirmed");

    await expect(page).toHaveURL(/\/uploads\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    const uploadId = new URL(page.url()).pathname.split("/").at(-1)!;
    await expect(page.getByRole("heading", { level: 1, name: "E2E late answer" })).toBeVisible();
    await expect(page.getByText(uploadId)).toBeVisible();
    const upload = (await (await api.get(`/api/recapture/upload/${uploadId}`)).json()) as {
      upload: { total_uploaded_customers: number };
    };
    expect(upload.upload.total_uploaded_customers).toBe(9);
    expect(await uploadPosts(api)).toBe(1);
    await expect.poll(() => copiesOf(api, keys[0]!)).toBe(9);
  });

  test("a part that did not arrive is offered again, and sent once", async ({ page, api }) => {
    const keys = partKeys(page);
    const wizard = await sendStep(page, "E2E did not arrive");
    // A server error without queueing anything: the dashboard can't know that until it checks.
    await setFaults(api, { errorRate: 1, times: 1 });
    await wizard.button("Send 9 customers").click();

    await expect(page.getByText("Not confirmed — checking whether the API received it…")).toBeVisible();
    await expect(page.getByText("It did not arrive")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText(/None of its 9 customers reached the Recapture API/)).toBeVisible();
    await screenshots(page, "wizard-did-not-arrive");
    await wizard.button("Send it").click();

    await expect(page).toHaveURL(/\/uploads\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    await expect(page.getByRole("heading", { level: 1, name: "E2E did not arrive" })).toBeVisible();
    expect(new Set(keys).size).toBe(1);
    expect(await uploadPosts(api)).toBe(2);
    await expect.poll(() => copiesOf(api, keys[0]!)).toBe(9);
  });
});

test.describe("the register", () => {
  const customers = Array.from({ length: 9 }, (_, index) => ({ rego: `NC${index}00`, state: "VIC" }));

  test("shows a part that isn't confirmed with its reason, and checks it again on request", async ({
    page,
    api,
  }) => {
    const partId = randomUUID();
    const send = () =>
      api.post("/api/recapture/upload", {
        data: { name: "E2E register not confirmed", customers },
        headers: { "Idempotency-Key": partId },
      });
    await setFaults(api, { dropResponseRate: 1, times: 1 });
    const lost = await send();
    expect(lost.status()).toBe(502);
    expect((await lost.json()).error.code).toBe("upload_not_confirmed");
    // Sent again blindly (a browser retry), it is refused: it may be queued already.
    const again = await send();
    expect(again.status()).toBe(409);
    expect((await again.json()).error.code).toBe("part_not_confirmed");
    const part = (await (await api.get(`/api/uploads/parts/${partId}`)).json()).part;
    expect(part).toMatchObject({ state: "not_confirmed", customers: 9, uploadId: null });

    const register = new UploadsPage(page);
    await register.goto();
    const row = register.row("E2E register not confirmed");
    await expect(row.getByText("Not confirmed", { exact: true })).toBeVisible();
    await expect(row.getByText("1 part not confirmed")).toBeVisible();
    await expect(row).toContainText("The connection to the Recapture API failed before its answer arrived.");
    await expect(row).toContainText("Demo Staff");
    await expectAccessible(page, "register with a part not confirmed");
    await screenshots(page, "register-not-confirmed");

    await row.getByRole("button", { name: "Check again" }).click();
    await expect(row.getByText("Received, upload id unknown")).toBeVisible();
    await expect(row).toContainText("9 of its 9 customers are in the Recapture API.");
    expect(await uploadPosts(api)).toBe(1);
    expect(await copiesOf(api, partId)).toBe(9);
    expect((await send()).status()).toBe(409);
  });
});

test.describe("grouping parts into a file", () => {
  const customers = [{ rego: "GRP001", state: "VIC" }];
  const batch = (partIds: string[], name = "E2E grouped file") => ({
    name,
    fileName: "grouped.csv",
    rowsInFile: partIds.length,
    sent: partIds.length,
    notSent: 0,
    partIds,
  });

  test("refuses more ids than a file can have parts with a 422, not a database error", async ({ api }) => {
    const partIds = Array.from({ length: 32_767 }, () => randomUUID());
    const response = await api.post("/api/uploads/batches", { data: batch(partIds) });
    expect(response.status()).toBe(422);
    expect((await response.json()).error.fields).toEqual({
      partIds: "A file can be sent in at most 1000 parts",
    });
  });

  test("only the person who sent the parts, or an admin, may group them, and it is audited", async ({
    api,
    apiAs,
    baseURL,
    browser,
    sessionFor,
  }) => {
    const partIds = [randomUUID(), randomUUID()];
    const name = `E2E grouped file ${partIds[0]!.slice(0, 8)}`;
    for (const [index, partId] of partIds.entries()) {
      const sent = await api.post("/api/recapture/upload", {
        data: { name: `${name} (part ${index + 1} of 2)`, customers },
        headers: { "Idempotency-Key": partId },
      });
      expect(sent.status()).toBe(202);
    }

    const admin = await apiAs("admin");
    const email = `sam-${randomUUID().slice(0, 8)}@demo.local`;
    const password = "another-staff-password";
    const created = await admin.post("/api/users", { data: { email, name: "Sam", role: "staff", password } });
    expect(created.status()).toBe(201);
    const sam = await playwrightRequest.newContext({
      baseURL,
      storageState: await signInViaApi(baseURL!, email, password),
      extraHTTPHeaders: { Origin: baseURL! },
    });
    try {
      const refused = await sam.post("/api/uploads/batches", { data: batch(partIds, "Renamed by Sam") });
      expect(refused.status()).toBe(403);
      expect((await refused.json()).error.code).toBe("not_your_parts");
    } finally {
      await sam.dispose();
    }

    // The emulator's demo uploads and other uploads the dashboard didn't send as parts have no part id.
    const register = (await (await api.get("/api/uploads?pageSize=500")).json()) as {
      uploads: { id: string; source: string }[];
    };
    const demo = register.uploads.find((upload) => upload.source === "demo")!;
    const notOurs = await api.post("/api/uploads/batches", { data: batch([demo.id]) });
    expect(notOurs.status()).toBe(422);
    expect((await notOurs.json()).error.code).toBe("unknown_part");

    const grouped = await api.post("/api/uploads/batches", { data: batch(partIds, name) });
    expect(grouped.status()).toBe(201);
    expect((await grouped.json()).upload).toMatchObject({
      name,
      file: { name: "grouped.csv" },
    });

    const context = await browser.newContext({ storageState: await sessionFor("admin") });
    const page = await context.newPage();
    try {
      await page.goto("/settings/audit");
      const entries = page.getByRole("row").filter({ hasText: "upload.group" });
      await expect(entries.filter({ hasText: email }).filter({ hasText: "failure" })).toHaveCount(1);
      await expect(
        entries
          .filter({ hasText: name })
          .filter({ hasText: "staff@demo.local" })
          .filter({ hasText: "success" }),
      ).toHaveCount(1);
    } finally {
      await context.close();
    }
  });
});

test.describe("upload names", () => {
  test("are at most 200 characters: a 422 naming the field, a 413 when too large to read", async ({
    api,
  }) => {
    const customers = [{ rego: "NAME01", state: "VIC" }];
    const long = await api.post("/api/recapture/upload", { data: { name: "N".repeat(201), customers } });
    expect(long.status()).toBe(422);
    expect((await long.json()).error.fields).toEqual({
      name: "An upload name can be at most 200 characters",
    });

    const huge = await api.post("/api/recapture/upload", {
      data: { name: "N".repeat(20_000_000), customers },
    });
    // Refused as it arrives: everything but the customers must fit in 1 MB, so it is never read whole.
    expect(huge.status()).toBe(413);
    expect((await huge.json()).error.code).toBe("body_too_large");

    const batch = await api.post("/api/uploads/batches", {
      data: {
        name: "N".repeat(201),
        fileName: "x.csv",
        rowsInFile: 1,
        sent: 1,
        notSent: 0,
        partIds: [randomUUID()],
      },
    });
    expect(batch.status()).toBe(422);
    expect((await batch.json()).error.fields).toEqual({
      name: "An upload name can be at most 200 characters",
    });

    const exact = await api.post("/api/recapture/upload", { data: { name: "N".repeat(200), customers } });
    expect(exact.status()).toBe(202);
    const register = await api.get("/api/uploads");
    expect(Number(register.headers()["content-length"] ?? (await register.body()).length)).toBeLessThan(
      100_000,
    );
  });
});
