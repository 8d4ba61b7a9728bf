/**
 * `npm run bench:db`: the dashboard's database work on SQLite and on PostgreSQL, in one run.
 * For each engine: session checks and register writes per second, called in-process
 * (bench/db-in-process.ts), then bench:proxy's measurement with the built dashboard on that
 * engine (`npm run build` first). The target: PostgreSQL's proxied rate within 15% of SQLite's.
 *
 * SQLite is a file in a temporary folder. PostgreSQL is the server BENCH_DATABASE_URL or else
 * TEST_DATABASE_URL names, or else a throwaway one (scripts/throwaway-postgres.sh); either way the
 * benchmark creates a database of its own there and drops it afterwards (so the role needs
 * CREATEDB). The dashboard listens on BENCH_PORT (default 3620) for SQLite and BENCH_PORT + 2 for
 * PostgreSQL, each with its emulator on the next port.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatCount } from "@/lib/format";
import { createThrowawayDatabase } from "@/lib/testing/throwaway-database";
import type { DatabaseFigures } from "./db-in-process";
import { CONNECTIONS, DURATION_SECONDS, figuresLine, measureProxy, type ProxyFigures } from "./proxy";

const BENCH_PORT = Number(process.env.BENCH_PORT ?? 3620);
const TARGET_SHARE = 0.85;

interface Engine {
  name: "SQLite" | "PostgreSQL";
  where: string;
  databaseUrl: string;
  appPort: number;
}

/** The database work in a process of its own, where DATABASE_URL is this engine's. */
function measureInProcess(databaseUrl: string): DatabaseFigures {
  const run = spawnSync("npx", ["tsx", "--conditions=react-server", "bench/db-in-process.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`bench/db-in-process.ts failed: ${run.stderr.trim()}`);
  return JSON.parse(run.stdout.trim().split("\n").at(-1)!) as DatabaseFigures;
}

async function measureEngine(engine: Engine): Promise<ProxyFigures> {
  console.log(`\n${engine.name}: ${engine.where}`);
  const work = measureInProcess(engine.databaseUrl);
  const rate = (perSecond: number) => `${formatCount(Math.round(perSecond))}/s`.padStart(10);
  console.log(
    `  session checks (resolveSession)  ${rate(work.sessionChecksPerSecond)}   ${work.callsAtOnce} at once`,
  );
  console.log(
    `  register writes (recordUpload)   ${rate(work.registerWritesPerSecond)}   ${work.callsAtOnce} at once`,
  );
  const proxy = await measureProxy({
    appPort: engine.appPort,
    emulatorPort: engine.appPort + 1,
    databaseUrl: engine.databaseUrl,
  });
  console.log(`  ${figuresLine("emulator over HTTP (direct)", proxy.direct)}`);
  console.log(`  ${figuresLine("through the dashboard", proxy.throughDashboard)}`);
  console.log(`  ratio dashboard/direct: ${proxy.ratio.toFixed(2)}`);
  return proxy;
}

/** A PostgreSQL server: the one named in the environment, or a throwaway one stopped at the end. */
function postgresServer(): { url: string; stop(): void } {
  const named = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (named) return { url: named, stop: () => undefined };
  const started = spawnSync("scripts/throwaway-postgres.sh", ["start"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (started.status !== 0) throw new Error("scripts/throwaway-postgres.sh could not start PostgreSQL");
  const exported = new Map(
    [...started.stdout.matchAll(/^export (\w+)=(.*)$/gm)].map(([, name, value]) => [name, value]),
  );
  return {
    url: exported.get("TEST_DATABASE_URL")!,
    stop: () =>
      spawnSync("scripts/throwaway-postgres.sh", ["stop", exported.get("THROWAWAY_POSTGRES_DIR")!], {
        stdio: "inherit",
      }),
  };
}

async function main() {
  console.log(
    `${DURATION_SECONDS} s a figure; proxied: GET /api/recapture/customers?limit=100 on ${CONNECTIONS} connections`,
  );
  const dataDir = mkdtempSync(join(tmpdir(), "bench-db-"));
  const server = postgresServer();
  try {
    const sqlite = await measureEngine({
      name: "SQLite",
      where: "a file in a temporary folder",
      databaseUrl: `file:${join(dataDir, "dashboard.db")}`,
      appPort: BENCH_PORT,
    });
    const database = await createThrowawayDatabase(server.url, "bench");
    let postgres: ProxyFigures;
    try {
      postgres = await measureEngine({
        name: "PostgreSQL",
        where: `${new URL(database.url).host}${new URL(database.url).pathname}`,
        databaseUrl: database.url,
        appPort: BENCH_PORT + 2,
      });
    } finally {
      await database.drop();
    }
    const share = postgres.throughDashboard.requestsPerSecond / sqlite.throughDashboard.requestsPerSecond;
    console.log(
      `\nPostgreSQL's proxied rate is ${share.toFixed(2)} of SQLite's  (target ≥ ${TARGET_SHARE}: within 15%) ${share >= TARGET_SHARE ? "met" : "NOT MET"}`,
    );
  } finally {
    server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
