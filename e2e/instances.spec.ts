import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { request as playwrightRequest, type APIRequestContext, type Browser } from "@playwright/test";
import pg from "pg";
import { KEY_A, startEmulatorServer, type EmulatorServer } from "../lib/testing/emulator-server";
import { expect, signInViaApi, test } from "./fixtures";
import { AppShell } from "./pages/app-shell";
import { SignInPage } from "./pages/sign-in-page";
import { UploadPage } from "./pages/upload-page";
import { UploadsPage } from "./pages/uploads-page";
import { someClientAddress } from "./support/addresses";
import { addAccount } from "@/lib/testing/add-account";
import { createThrowawayDatabase, type ThrowawayDatabase } from "@/lib/testing/throwaway-database";
import { waitFor } from "@/lib/testing/wait-for-server";

/**
 * Two instances of the dashboard on one PostgreSQL database, as a dealer group
 * runs them behind a load balancer: `next start` A and B on E2E_PORT + 1200 and
 * + 1201, live mode against one emulator served from this test, the same
 * SESSION_SECRET, TRUST_PROXY=1 so a test can pick its client address. They
 * share sessions, the sign-in throttle, the register of uploads, and the
 * "upload-tracker" job, which runs on one instance at a time under a lease.
 *
 * TEST_DATABASE_URL names the server (.ci/run starts one); each run creates a
 * database of its own there and drops it at the end.
 */

const serverUrl = process.env.TEST_DATABASE_URL;
const SKIPPED =
  "PostgreSQL e2e (two instances) skipped: TEST_DATABASE_URL is not set (bash .ci/run starts a server and sets it).";
if (!serverUrl) console.log(SKIPPED);
test.skip(!serverUrl, SKIPPED);

const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const A_URL = `http://localhost:${E2E_PORT + 1200}`;
const B_URL = `http://localhost:${E2E_PORT + 1201}`;
const ADMIN = { email: "owner@dealer-group.example", password: "correct-horse-battery" };
const TRACKER = "upload-tracker";
const STATES = ["NSW", "VIC", "QLD", "WA", "SA", "TAS"];

interface Instance {
  url: string;
  process: ChildProcess;
}

interface Lease {
  holder: string;
  expiresAt: number;
}

interface RegisterLine {
  id: string;
  name: string | null;
  source: string;
  recordedBy: { email: string } | null;
  parts: { id: string; totalUploaded: number; totalProcessed: number }[];
}

let emulator: EmulatorServer;
let database: ThrowawayDatabase;
/** Reads the shared database directly, as an operator would: only the leases table. */
let reader: pg.Pool;
let a: Instance | undefined;
let b: Instance | undefined;
/** Who held the upload tracker's lease before B started: A, whatever name A goes by. */
let holderA: string;

function instanceEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    RECAPTURE_API_URL: emulator.url,
    RECAPTURE_API_KEY: KEY_A,
    DATABASE_URL: database.url,
    SESSION_SECRET: "instances-e2e-session-secret-long-enough-0",
    TRUST_PROXY: "1",
  };
}

async function startInstance(url: string): Promise<Instance> {
  const child = spawn("npx", ["next", "start", "-p", new URL(url).port], {
    env: instanceEnv(),
    stdio: "ignore",
    detached: true,
  });
  const instance = { url, process: child };
  try {
    await waitFor(`${url}/api/health`, child);
  } catch (error) {
    stopInstance(instance, "SIGKILL");
    throw error;
  }
  return instance;
}

/** Signals the whole process group (npx, next, its workers); SIGKILL is kill -9: no shutdown hook runs. */
function stopInstance(instance: Instance | undefined, signal: NodeJS.Signals): void {
  const { pid, exitCode } = instance?.process ?? {};
  if (pid && exitCode === null) {
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
  }
}

async function trackerLease(): Promise<Lease | undefined> {
  const { rows } = await reader.query<{ holder: string; expires_at: string }>(
    "SELECT holder, expires_at FROM leases WHERE name = $1",
    [TRACKER],
  );
  const row = rows[0];
  return row && { holder: row.holder, expiresAt: Number(row.expires_at) };
}

test.beforeAll(async () => {
  test.setTimeout(150_000);
  emulator = await startEmulatorServer({
    apiKeys: [KEY_A],
    // Unthrottled until the takeover test slows it down; two instances and the test share one allowance.
    processRate: 0,
    rateLimitPerMinute: 1_000_000,
  });
  database = await createThrowawayDatabase(serverUrl!, "instances");
  reader = new pg.Pool({ connectionString: database.url, max: 1 });
  addAccount(instanceEnv(), { ...ADMIN, role: "admin" });

  // A alone first, so the upload tracker's lease is A's when B arrives.
  a = await startInstance(A_URL);
  await expect
    .poll(() => trackerLease().catch(() => undefined), {
      message: `A takes the "${TRACKER}" lease at start-up`,
      timeout: 30_000,
    })
    .toBeDefined();
  holderA = (await trackerLease())!.holder;
  b = await startInstance(B_URL);
});

test.afterAll(async () => {
  stopInstance(a, "SIGKILL");
  stopInstance(b, "SIGKILL");
  await reader?.end();
  // WITH (FORCE) closes whatever connections the killed instances left.
  await database?.drop();
  await emulator?.close();
});

/** Signs in through A's form in a new browser context, landing on A's register. */
async function signInThroughA(browser: Browser) {
  const context = await browser.newContext({ baseURL: A_URL });
  const page = await context.newPage();
  const signInPage = new SignInPage(page);
  await signInPage.goto("/uploads");
  await signInPage.signIn(ADMIN.email, ADMIN.password);
  await expect(page).toHaveURL(`${A_URL}/uploads`);
  return { context, page };
}

async function apiOn(url: string, storageState?: Awaited<ReturnType<typeof signInViaApi>>) {
  return playwrightRequest.newContext({ baseURL: url, storageState, extraHTTPHeaders: { Origin: url } });
}

async function registerOn(api: APIRequestContext): Promise<RegisterLine[]> {
  const response = await api.get("/api/uploads?pageSize=100");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { uploads: RegisterLine[] }).uploads;
}

async function sendUpload(api: APIRequestContext, name: string, count: number) {
  const customers = Array.from({ length: count }, (_, index) => ({
    rego: `IN${index.toString(36).toUpperCase().padStart(4, "0")}`,
    state: STATES[index % STATES.length],
  }));
  const response = await api.post("/api/recapture/upload", {
    data: { name, customers },
    headers: { "Idempotency-Key": randomUUID() },
  });
  expect(response.status(), await response.text()).toBe(202);
  return ((await response.json()) as { upload: { id: string; total_processed_customers: number } }).upload;
}

test("signed in through A's form, the same browser is signed in on B", async ({ browser }) => {
  const { context, page } = await signInThroughA(browser);

  // Cookies belong to a host, not a port: localhost:A's session cookie goes to localhost:B too.
  expect((await context.cookies(B_URL)).map((cookie) => cookie.name)).toContain("recapture_session");
  await page.goto(`${B_URL}/uploads`);
  await expect(page).toHaveURL(`${B_URL}/uploads`);
  // An account without a name shows its email twice in the header (as the name and below it).
  await expect(new AppShell(page).header.getByText(ADMIN.email).first()).toBeVisible();

  const session = await context.request.get(`${B_URL}/api/auth/session`);
  expect(session.status()).toBe(200);
  expect((await session.json()).user).toMatchObject({ email: ADMIN.email, role: "admin" });
  await context.close();
});

test("signing out on A ends the session on B", async ({ browser }) => {
  const { context, page } = await signInThroughA(browser);
  const signedIn = await context.storageState();
  // Another window of the same person, open on B with the same cookie.
  const elsewhere = await browser.newContext({ baseURL: B_URL, storageState: signedIn });
  const pageOnB = await elsewhere.newPage();
  await pageOnB.goto("/uploads");
  await expect(pageOnB).toHaveURL(`${B_URL}/uploads`);

  await new AppShell(page).signOut();

  // Signing out clears this browser's cookie, so B must also refuse the old cookie: the session row is gone.
  await page.goto(`${B_URL}/uploads`);
  await expect(page).toHaveURL(`${B_URL}/sign-in?next=%2Fuploads`);
  await pageOnB.reload();
  await expect(pageOnB).toHaveURL(`${B_URL}/sign-in?next=%2Fuploads`);
  const replay = await apiOn(B_URL, signedIn);
  expect((await replay.get("/api/auth/session")).status()).toBe(401);
  await replay.dispose();
  await elsewhere.close();
  await context.close();
});

test("wrong passwords alternating between A and B from one address: five 401s, then 429", async () => {
  const instances = [await apiOn(A_URL), await apiOn(B_URL)];
  const address = someClientAddress();
  const attempt = (api: APIRequestContext, password: string) =>
    api.post("/api/auth/sign-in", {
      data: { email: ADMIN.email, password },
      headers: { "X-Forwarded-For": address },
    });

  const statuses: number[] = [];
  for (let guess = 0; guess < 6; guess++) {
    statuses.push((await attempt(instances[guess % 2]!, `wrong-password-${guess}`)).status());
  }
  // B alone saw three of them: only a count both instances share reaches the limit at the sixth.
  expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  const locked = await attempt(instances[0]!, ADMIN.password);
  expect(locked.status()).toBe(429);
  expect(Number(locked.headers()["retry-after"])).toBeGreaterThan(0);
  await Promise.all(instances.map((api) => api.dispose()));
});

test("an upload sent through A is in B's register, on B's register page and B's progress page", async ({
  browser,
}) => {
  const storageState = await signInViaApi(A_URL, ADMIN.email, ADMIN.password);
  const throughA = await apiOn(A_URL, storageState);
  const onB = await apiOn(B_URL, storageState);
  const name = "Sent through A";
  const upload = await sendUpload(throughA, name, 12);

  const line = (await registerOn(onB)).find((entry) => entry.id === upload.id);
  expect(line).toMatchObject({
    name,
    source: "dashboard",
    recordedBy: { email: ADMIN.email },
    parts: [{ id: upload.id, totalUploaded: 12 }],
  });

  const context = await browser.newContext({ baseURL: B_URL, storageState });
  const page = await context.newPage();
  const register = new UploadsPage(page);
  await register.goto();
  await expect(register.rowOf(upload.id)).toContainText(name);
  const progress = new UploadPage(page);
  await progress.goto(upload.id);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(progress.state("Complete")).toBeVisible();

  await context.close();
  await Promise.all([throughA.dispose(), onB.dispose()]);
});

test("kill -9 of A while it tracks an upload: B takes the lease within a minute and the register completes", async () => {
  test.setTimeout(150_000);
  const storageState = await signInViaApi(A_URL, ADMIN.email, ADMIN.password);
  const throughA = await apiOn(A_URL, storageState);
  const onB = await apiOn(B_URL, storageState);
  // Nobody opens this upload's pages: their polling would record progress too. B's register API reads only the database.
  const recorded = async (uploadId: string) =>
    (await registerOn(onB)).find((line) => line.id === uploadId)?.parts[0];

  // B has been running beside A all along without taking the job.
  expect((await trackerLease())?.holder).toBe(holderA);

  // 400 customers at 15 a second: about 27 s of processing, so A is killed midway.
  const CUSTOMERS = 400;
  await emulator.call("PUT", "/__emulator/process-rate", { body: { process_rate: 15 } });
  const upload = await sendUpload(throughA, "Tracked while A dies", CUSTOMERS);

  // With no browser open, A's tracker polls the API and records the progress.
  await expect
    .poll(async () => (await recorded(upload.id))?.totalProcessed, {
      message: "A's tracker records progress with no page open",
      timeout: 20_000,
    })
    .toBeGreaterThan(upload.total_processed_customers);

  stopInstance(a, "SIGKILL");
  a = undefined;
  expect((await recorded(upload.id))?.totalProcessed).toBeLessThan(CUSTOMERS);

  await expect
    // A missing row counts as not taken over yet.
    .poll(async () => (await trackerLease())?.holder ?? holderA, {
      message: `B takes "${TRACKER}" over once A's lease runs out`,
      timeout: 60_000,
    })
    .not.toBe(holderA);
  expect((await trackerLease())!.expiresAt).toBeGreaterThan(Date.now());

  await expect
    .poll(async () => (await recorded(upload.id))?.totalProcessed, {
      message: "B's tracker records the upload complete",
      timeout: 30_000,
    })
    .toBe(CUSTOMERS);
  expect((await recorded(upload.id))?.totalUploaded).toBe(CUSTOMERS);
  await Promise.all([throughA.dispose(), onB.dispose()]);
});
