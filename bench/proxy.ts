/**
 * `npm run bench:proxy`: GET /api/recapture/customers?limit=100 through the dashboard, against the
 * same request straight to the emulator over HTTP, in one run, with autocannon.
 *
 * The emulator is served over HTTP and the dashboard (`next start`, live mode) is pointed at it,
 * so the two figures differ by exactly what the proxy adds: session check, validation, the typed
 * client, response parsing and one more hop. Needs a production build (`npm run build`).
 * `bench:db` runs the same measurement (measureProxy) with the dashboard on each database engine.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { serve } from "@hono/node-server";
import autocannon from "autocannon";
import { createEmulator } from "@/lib/emulator";
import { signInCookie, startDashboard, type RunningDashboard } from "./dashboard";
import { addAccount } from "@/lib/testing/add-account";

const EMULATOR_PORT = 4610;
const APP_PORT = 3610;
const API_KEY = "bench-key";
export const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
export const CONNECTIONS = 10;
const ACCOUNT = { email: "bench@dealership.example", password: "bench-password-123" };

export interface Figures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

export interface ProxyFigures {
  direct: Figures;
  throughDashboard: Figures;
  /** Through the dashboard / direct. */
  ratio: number;
}

async function measure(url: string, headers: Record<string, string>): Promise<Figures> {
  const result = await autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION_SECONDS });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/** One line of figures: rate, latencies and errors. */
export function figuresLine(label: string, figures: Figures): string {
  return `${label.padEnd(28)} ${figures.requestsPerSecond.toFixed(0).padStart(8)} req/s   p50 ${String(figures.p50).padStart(4)} ms   p99 ${String(figures.p99).padStart(4)} ms   errors ${figures.errors}`;
}

/**
 * Serves the emulator on `emulatorPort`, starts the built dashboard on `appPort` in live mode with
 * its database at `databaseUrl` (a new one: an account is added to it), and measures the same read
 * straight to the emulator and through the dashboard.
 */
export async function measureProxy({
  appPort,
  emulatorPort,
  databaseUrl,
}: {
  appPort: number;
  emulatorPort: number;
  databaseUrl: string;
}): Promise<ProxyFigures> {
  const emulator = createEmulator({
    db: ":memory:",
    apiKeys: [API_KEY],
    processRate: 0,
    control: false,
    seed: "demo",
    // The benchmark measures throughput, not the rate limiter.
    rateLimitPerMinute: 1_000_000_000,
  });
  const emulatorServer = serve({ fetch: (request) => emulator.fetch(request), port: emulatorPort });

  const appEnv = {
    ...process.env,
    RECAPTURE_API_URL: `http://127.0.0.1:${emulatorPort}`,
    RECAPTURE_API_KEY: API_KEY,
    DATABASE_URL: databaseUrl,
    SESSION_SECRET: "bench-session-secret-that-is-long-enough",
    // One account on ten connections: the per-person limit would refuse most calls, and reused
    // answers would measure the dashboard's memory, not the proxy. (Reads in flight still share.)
    USER_RATE_LIMIT_PER_SECOND: "1000000",
    USER_RATE_LIMIT_BURST: "1000000",
    RECAPTURE_READ_REUSE_MS: "0",
  };

  let app: RunningDashboard | undefined;
  try {
    addAccount(appEnv, { ...ACCOUNT, role: "viewer" });
    app = await startDashboard(appPort, appEnv);
    const appUrl = app.baseUrl;
    const cookie = await signInCookie(appUrl, ACCOUNT);

    const direct = `http://127.0.0.1:${emulatorPort}/v2/recapture/customers?region=au&limit=100`;
    const proxied = `${appUrl}/api/recapture/customers?limit=100`;
    // Warm both paths (JIT, route compilation, the database's caches) before measuring.
    await measure(direct, { ApiKey: API_KEY });
    await measure(proxied, { Cookie: cookie });

    const straight = await measure(direct, { ApiKey: API_KEY });
    const through = await measure(proxied, { Cookie: cookie });
    return {
      direct: straight,
      throughDashboard: through,
      ratio: through.requestsPerSecond / straight.requestsPerSecond,
    };
  } finally {
    app?.stop();
    emulatorServer.close();
    emulator.close();
  }
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), "bench-proxy-"));
  try {
    console.log(`${DURATION_SECONDS} s each, ${CONNECTIONS} connections, 100 customers per response\n`);
    const { direct, throughDashboard, ratio } = await measureProxy({
      appPort: APP_PORT,
      emulatorPort: EMULATOR_PORT,
      databaseUrl: `file:${join(dataDir, "dashboard.db")}`,
    });
    console.log(figuresLine("emulator over HTTP (direct)", direct));
    console.log(figuresLine("through the dashboard", throughDashboard));
    console.log(
      `\nratio dashboard/direct: ${ratio.toFixed(2)}  (target ≥ 0.50; p99 through the dashboard target < 50 ms)`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
