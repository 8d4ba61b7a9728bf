/**
 * The last section of `npm run bench:abuse` (or `npx tsx bench/upload-health.ts` alone): while one 50,000-customer upload is being accepted
 * (read, counted, parsed, checked and handed to the API), how long does the same
 * server take to answer `/api/health`? Target: under 200 ms at worst, so one staff
 * upload never stalls everyone else's pages.
 *
 * `measureUploadHealth()` runs against any running dashboard (bench:abuse uses it);
 * run on its own, this file starts a built dashboard (`npx next build` first) in live
 * mode on port 4103, against the emulator served by a separate process, so that the
 * figures are the dashboard's own work and not the emulator's.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { formatCount } from "@/lib/format";
import { addAccount } from "@/lib/testing/add-account";
import { signInCookie, startDashboard, type RunningDashboard } from "./dashboard";

const CUSTOMERS = 50_000;
const POLL_EVERY_MS = 20;
const TARGET_MS = 200;
const encoder = new TextEncoder();

export interface UploadHealthOptions {
  /** The dashboard, e.g. http://localhost:4103. */
  baseURL: string;
  /** The session cookie of a signed-in staff account ("name=value"). */
  cookie: string;
  customers?: number;
}

/** Customers like a dealer management system's export: most with a VIN, a few additional fields. */
function uploadBody(count: number, name: string): string {
  const customers = Array.from({ length: count }, (_, index) => ({
    rego: `H${String(index).padStart(5, "0")}`,
    state: "VIC",
    ...(index % 10 < 7 ? { vin: `JTDBR32E${String(100_000_000 + index)}` } : {}),
    external_id: `CUST-${index}`,
    sale_date: "2022-06-15",
    additional_fields: { market_source: "dealer_crm", salesperson: "Priya Sharma" },
  }));
  return JSON.stringify({ name, enable_rego_lookups: false, monitor_start_date: "2024-01-01", customers });
}

const percentile = (sorted: number[], share: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? 0;

/** Sends the upload while polling `/api/health` every ~20 ms; returns the lines to print. */
export async function measureUploadHealth({
  baseURL,
  cookie,
  customers = CUSTOMERS,
}: UploadHealthOptions): Promise<string[]> {
  const headers = { Cookie: cookie, Origin: baseURL, "Content-Type": "application/json" };
  const send = (body: Uint8Array<ArrayBuffer>) =>
    fetch(`${baseURL}/api/recapture/upload`, { method: "POST", headers, body });
  const cancel = async (response: Response) => {
    const { upload } = (await response.json()) as { upload: { id: string } };
    await fetch(`${baseURL}/api/recapture/upload/${upload.id}`, { method: "DELETE", headers });
  };

  // A small upload first, so loading the route's code is not counted.
  const warm = await send(encoder.encode(uploadBody(10, "Bench warm-up")));
  if (warm.status !== 202)
    throw new Error(`The warm-up upload was refused: ${warm.status} ${await warm.text()}`);
  await cancel(warm);

  // Encoded before the clock starts, so this process is free to time the health checks.
  const body = encoder.encode(uploadBody(customers, "Bench: health during an upload"));
  const latencies: number[] = [];
  let uploading = true;
  const polling = (async () => {
    while (uploading) {
      const started = performance.now();
      const health = await fetch(`${baseURL}/api/health`);
      await health.arrayBuffer();
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS));
    }
  })();
  const started = performance.now();
  const response = await send(body);
  const acceptedMs = performance.now() - started;
  uploading = false;
  await polling;
  if (response.status !== 202)
    throw new Error(`The upload was refused: ${response.status} ${await response.text()}`);
  await cancel(response);

  const sorted = [...latencies].sort((a, b) => a - b);
  const worst = sorted.at(-1) ?? 0;
  const megabytes = (body.length / 1024 / 1024).toFixed(1);
  return [
    `${formatCount(customers)}-customer upload (${megabytes} MB) accepted in ${formatCount(acceptedMs)} ms`,
    `/api/health meanwhile: ${sorted.length} answers, p95 ${formatCount(percentile(sorted, 0.95))} ms, ` +
      `max ${formatCount(worst)} ms (target < ${TARGET_MS} ms: ${worst < TARGET_MS ? "met" : "NOT met"})`,
  ];
}

// ------------------------------------------------------------ run on its own

const APP_PORT = 4103;
const API_KEY = "bench-key";
const ACCOUNT = { email: "bench-staff@dealership.example", password: "bench-password-123" };

/** The emulator in a process of its own, on a free port it reports when listening. */
function startEmulator(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn("npx", ["tsx", "scripts/emulator.ts"], {
    env: {
      ...process.env,
      EMULATOR_PORT: "0",
      EMULATOR_API_KEYS: API_KEY,
      EMULATOR_DB: ":memory:",
      EMULATOR_RATE_LIMIT: "1000000",
    },
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (data: Buffer) => {
      output += data.toString();
      const port = /localhost:(\d+)\//.exec(output)?.[1];
      if (port) resolve({ child, url: `http://127.0.0.1:${port}` });
    });
    child.on("exit", (code) => reject(new Error(`The emulator exited with code ${code}`)));
  });
}

/** Starts the emulator and a live-mode dashboard of its own, measures, stops them; returns the lines to print. */
export async function uploadHealthInLiveMode(): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), "bench-upload-health-"));
  const emulator = await startEmulator();
  const appEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    RECAPTURE_API_URL: emulator.url,
    RECAPTURE_API_KEY: API_KEY,
    DATABASE_URL: `file:${join(dataDir, "dashboard.db")}`,
    SESSION_SECRET: "bench-session-secret-that-is-long-enough",
  };
  let app: RunningDashboard | undefined;
  try {
    addAccount(appEnv, { ...ACCOUNT, role: "staff" });
    app = await startDashboard(APP_PORT, appEnv);
    const baseURL = app.baseUrl;
    const cookie = await signInCookie(baseURL, ACCOUNT);
    return await measureUploadHealth({ baseURL, cookie });
  } finally {
    app?.stop();
    if (emulator.child.pid && emulator.child.exitCode === null) process.kill(-emulator.child.pid);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  uploadHealthInLiveMode().then(
    (lines) => console.log(lines.join("\n")),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
