import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { KEY_A, startEmulatorServer, type EmulatorServer } from "../lib/testing/emulator-server";
import { expect, signInViaApi, test } from "./fixtures";
import { waitFor } from "@/lib/testing/wait-for-server";
import { addAccount } from "@/lib/testing/add-account";

/**
 * The dashboard killed (kill -9) while the Recapture API holds a part: the API
 * queues it, the dashboard never records the answer. After the restart the part
 * is "not confirmed", a resend is refused, and the check finds it upstream:
 * one copy, never two. A dashboard of its own (`next start`, live mode) on
 * E2E_PORT + 1000, against the emulator served from this test on a free port.
 */

const PORT = Number(process.env.E2E_PORT ?? 3100) + 1000;
const BASE_URL = `http://localhost:${PORT}`;
const PART_FIELD = "recapture_dashboard_part";
const ADMIN = { email: "owner@dealership.example", password: "correct-horse-battery" };

let emulator: EmulatorServer;
let dataDir: string;
let app: ChildProcess | undefined;

function appEnv() {
  return {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    RECAPTURE_API_URL: emulator.url,
    RECAPTURE_API_KEY: KEY_A,
    DATABASE_URL: `file:${join(dataDir, "dashboard.db")}`,
    SESSION_SECRET: "crash-e2e-session-secret-long-enough-000",
  };
}

async function startApp() {
  app = spawn("npx", ["next", "start", "-p", String(PORT)], {
    env: appEnv(),
    stdio: "ignore",
    detached: true,
  });
  await waitFor(`${BASE_URL}/api/health`, app);
}

/** kill -9 of the whole process group: no shutdown hook runs, nothing is flushed. */
function killApp() {
  if (app?.pid && app.exitCode === null) process.kill(-app.pid, "SIGKILL");
  app = undefined;
}

async function emulatorCustomers(): Promise<{ additional_fields: Record<string, unknown> | null }[]> {
  const { body } = await emulator.call<{
    customers: { additional_fields: Record<string, unknown> | null }[];
  }>("GET", "/v2/recapture/customers?region=au&limit=500");
  return body.customers;
}

async function uploadPosts(): Promise<number> {
  const { body } = await emulator.call<{ requests: { method: string; path: string }[] }>(
    "GET",
    "/__emulator/journal?limit=1000",
  );
  return body.requests.filter((entry) => entry.method === "POST" && entry.path === "/v2/recapture/upload")
    .length;
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  emulator = await startEmulatorServer({ apiKeys: [KEY_A] });
  dataDir = mkdtempSync(join(tmpdir(), "crash-app-"));
  addAccount(appEnv(), { ...ADMIN, role: "admin" });
  await startApp();
});

test.afterAll(async () => {
  killApp();
  await emulator?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test("kill -9 between the API's answer and the register write: not confirmed, found by the check, one copy", async () => {
  test.setTimeout(180_000);
  let api: APIRequestContext | undefined;
  try {
    api = await playwrightRequest.newContext({
      baseURL: BASE_URL,
      storageState: await signInViaApi(BASE_URL, ADMIN.email, ADMIN.password),
      extraHTTPHeaders: { Origin: BASE_URL },
    });
    const partId = randomUUID();
    const customers = Array.from({ length: 12 }, (_, index) => ({ rego: `KILL${index}`, state: "NSW" }));
    const send = (context: APIRequestContext) =>
      context.post("/api/recapture/upload", {
        data: { name: "E2E killed mid-send", customers },
        headers: { "Idempotency-Key": partId },
      });

    // The API holds the request for two seconds, then queues it whether or not anyone still listens.
    await emulator.call("PUT", "/__emulator/faults", { body: { latencyMs: 2_000, times: 1 } });
    const inFlight = send(api).catch(() => undefined);
    await expect.poll(uploadPosts).toBe(1);
    killApp();
    await inFlight;
    await expect
      .poll(
        async () =>
          (await emulatorCustomers()).filter((c) => c.additional_fields?.[PART_FIELD] === partId).length,
        {
          timeout: 15_000,
        },
      )
      .toBe(12);

    await startApp();
    const part = await api.get(`/api/uploads/parts/${partId}`);
    expect(part.status()).toBe(200);
    expect((await part.json()).part).toMatchObject({
      state: "not_confirmed",
      reason: "The dashboard stopped while this part was being sent.",
      uploadId: null,
    });

    const resend = await send(api);
    expect(resend.status()).toBe(409);
    expect((await resend.json()).error.code).toBe("part_not_confirmed");

    const checked = await api.post(`/api/uploads/parts/${partId}/check`);
    expect(checked.status()).toBe(200);
    expect((await checked.json()).part).toMatchObject({ state: "arrived", customersFound: 12 });

    const register = (await (await api.get("/api/uploads")).json()) as {
      uploads: { name: string; sentParts: { state: string }[] }[];
    };
    expect(register.uploads.find((line) => line.name === "E2E killed mid-send")?.sentParts).toMatchObject([
      { state: "arrived" },
    ]);
    expect(await uploadPosts()).toBe(1);
    expect(
      (await emulatorCustomers()).filter((c) => c.additional_fields?.[PART_FIELD] === partId),
    ).toHaveLength(12);
  } finally {
    await api?.dispose();
  }
});
