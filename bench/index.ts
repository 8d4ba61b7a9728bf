/**
 * `npm run bench:index`: the customer index on 100,000 customers (a fifth with sightings), for
 * each engine in one run: the first full sync over HTTP from an unthrottled emulator (customers
 * per second and the peak RSS while it runs), then p50/p95 of five questions put through the
 * route handler of GET /api/customers, as a signed-in viewer (session lookup, the index's
 * readiness, the query string's parse and the JSON answer included). Targets: at least 5,000
 * customers/s; every p95 under 50 ms.
 *
 * The emulator is seeded and served by child processes, so this process holds only the sync.
 * SQLite is a temporary file; PostgreSQL is BENCH_DATABASE_URL or TEST_DATABASE_URL (in a schema
 * of its own, dropped after), else a throwaway server from scripts/throwaway-postgres.sh.
 * BENCH_CUSTOMERS changes the count; BENCH_ENGINES=sqlite (or postgresql) runs one engine.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NextRequest } from "next/server";
import { GET as getIndexedCustomers } from "@/app/api/customers/route";
import { indexedCustomersResponseSchema } from "@/lib/customer-index/indexed-customers-response";
import { customerIndexSearchString, type CustomerIndexSearch } from "@/lib/customer-index/query-params";
import { SESSION_COOKIE, sealSessionToken } from "@/lib/server/auth/cookie";
import { createSession } from "@/lib/server/auth/sessions";
import { RequestPacer, realClock } from "@/lib/server/customer-index/request-pacer";
import { runSyncPass } from "@/lib/server/customer-index/sync-pass";
import { closeDatabase } from "@/lib/server/db";
import { searchIndexedCustomers } from "@/lib/server/db/customer-index-search";
import { countIndexedCustomers, noteUploadToTag } from "@/lib/server/db/customer-sync-state";
import { insertUser } from "@/lib/server/db/users";
import { forgetSettings } from "@/lib/server/env";
import { createRecaptureClient } from "@/lib/server/recapture-client";
import { upstreamFetch } from "@/lib/server/upstream-fetch";
import { waitFor } from "@/lib/testing/wait-for-server";
import { benchEngines, percentile } from "./bench-engines";

const COUNT = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const KEY = "bench-key";
const EMULATOR_PORT = 4345;
const RUNS = 60;
const WARM_UP = 5;

const format = (n: number) => Math.round(n).toLocaleString("en-AU");
const megabytes = (bytes: number) => `${format(bytes / 1024 / 1024)} MB`;

/** The five questions, each a function of the run number so a search isn't answered from a warm cache only. */
function questions(uploadId: string): [string, (run: number) => CustomerIndexSearch][] {
  const base = { sort: "newest_sighting", direction: "desc", page: 1, pageSize: 25 } as const;
  const letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
  return [
    ["rego prefix search", (run) => ({ ...base, search: `${letters[run % 23]}${letters[(run * 7) % 23]} ` })],
    ["has sightings, newest sighting first", () => ({ ...base, hasSightings: true })],
    ["upload + state filter", (run) => ({ ...base, uploadId, state: ["VIC", "NSW", "QLD"][run % 3] })],
    ['additional-field search ("smith")', () => ({ ...base, search: "smith" })],
    ["page 200 of 25", () => ({ ...base, page: 200 })],
  ];
}

async function measureSync(uploadIds: string[]) {
  for (const uploadId of uploadIds) await noteUploadToTag("au", uploadId, new Date());
  const client = createRecaptureClient({
    baseUrl: `http://127.0.0.1:${EMULATOR_PORT}`,
    apiKey: KEY,
    region: "au",
    fetch: upstreamFetch,
    timeoutMs: 60_000,
  });
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const started = performance.now();
  const outcome = await runSyncPass(
    { client, pacer: new RequestPacer(1_000_000), clock: realClock, checkContinue: async () => {} },
    "au",
    60_000,
  );
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  if (outcome !== "complete") throw new Error(`the sync pass ended ${outcome}`);
  return { seconds, before, peak, indexed: await countIndexedCustomers("au") };
}

/** A viewer's session cookie, for the route handler to find a signed-in user as it would behind Next. */
async function viewerCookie(): Promise<string> {
  const user = await insertUser({
    email: "bench@dealer.test",
    name: null,
    role: "viewer",
    passwordHash: "x",
  });
  return `${SESSION_COOKIE}=${await sealSessionToken(await createSession(user!.id))}`;
}

/** GET /api/customers through its route handler, answered as the customers table would get it. */
async function askRoute(search: CustomerIndexSearch, cookie: string): Promise<number> {
  const query = customerIndexSearchString(search);
  const request = new NextRequest(`http://localhost:3000/api/customers${query || "?"}&region=au`, {
    headers: { host: "localhost:3000", cookie },
  });
  const response = await getIndexedCustomers(request, { params: Promise.resolve({}) });
  if (!response.ok)
    throw new Error(`GET /api/customers answered ${response.status}: ${await response.text()}`);
  return indexedCustomersResponseSchema.parse(await response.json()).total;
}

async function measureQueries(uploadId: string) {
  const cookie = await viewerCookie();
  for (const [label, question] of questions(uploadId)) {
    const times: number[] = [];
    let total = 0;
    for (let run = 0; run < WARM_UP + RUNS; run += 1) {
      const started = performance.now();
      total = await askRoute(question(run), cookie);
      if (run >= WARM_UP) times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(
      `  ${label.padEnd(38)} p50 ${percentile(times, 0.5).toFixed(1).padStart(6)} ms   p95 ${percentile(times, 0.95).toFixed(1).padStart(6)} ms   (${format(total)} found)`,
    );
  }
}

async function main() {
  const folder = mkdtempSync(join(tmpdir(), "bench-index-"));
  const emulatorDb = join(folder, "emulator.db");
  let emulator: ReturnType<typeof spawn> | undefined;
  try {
    console.log(`Seeding the emulator with ${format(COUNT)} customers…`);
    const uploadIds = JSON.parse(
      execFileSync("npx", ["tsx", "bench/customer-index-seed.ts", emulatorDb, String(COUNT), KEY], {
        encoding: "utf8",
      }).trim(),
    ) as string[];
    emulator = spawn("npx", ["tsx", "scripts/emulator.ts"], {
      env: {
        ...process.env,
        EMULATOR_DB: emulatorDb,
        EMULATOR_PORT: String(EMULATOR_PORT),
        EMULATOR_API_KEYS: KEY,
        EMULATOR_RATE_LIMIT: "1000000000",
        EMULATOR_PROCESS_RATE: "0",
      },
      stdio: "ignore",
      detached: true,
    });
    await waitFor(`http://127.0.0.1:${EMULATOR_PORT}/v2/recapture/customers?region=au&limit=1`, emulator, {
      headers: { ApiKey: KEY },
    });
    for (const engine of await benchEngines(folder, "index")) {
      process.env.DATABASE_URL = engine.url;
      forgetSettings();
      await closeDatabase();
      const sync = await measureSync(uploadIds);
      const withSightings = (
        await searchIndexedCustomers({
          region: "au",
          hasSightings: true,
          sort: "newest_sighting",
          direction: "desc",
          page: 1,
          pageSize: 25,
        })
      ).total;
      console.log(
        `\n${engine.name}: first full sync of ${format(sync.indexed)} customers (${format(withSightings)} with sightings) ` +
          `in ${sync.seconds.toFixed(1)} s: ${format(sync.indexed / sync.seconds)} customers/s, ` +
          `peak RSS ${megabytes(sync.peak)} (${megabytes(sync.before)} before it)`,
      );
      await measureQueries(uploadIds[0]!);
      await closeDatabase();
      await engine.done();
    }
    console.log("\nTargets: at least 5,000 customers/s; every p95 under 50 ms.");
  } finally {
    if (emulator?.pid && emulator.exitCode === null) process.kill(-emulator.pid, "SIGTERM");
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
