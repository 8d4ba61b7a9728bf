/**
 * What the database benchmarks share: the engines one run measures (a SQLite file; PostgreSQL from
 * BENCH_DATABASE_URL or TEST_DATABASE_URL in a schema of its own, else a throwaway server from
 * scripts/throwaway-postgres.sh), BENCH_ENGINES=sqlite (or postgresql) to run one, and the percentile.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import pg from "pg";

export interface Engine {
  name: string;
  url: string;
  done(): Promise<void>;
}

/** The share-th percentile (0.5, 0.95) of times already sorted ascending. */
export function percentile(sortedMs: number[], share: number): number {
  return sortedMs[Math.min(sortedMs.length - 1, Math.ceil(share * sortedMs.length) - 1)]!;
}

/** PostgreSQL in a fresh schema named after `purpose`, dropped (and a throwaway server stopped) by done(). */
export async function postgresEngine(purpose: string): Promise<Engine | undefined> {
  let server = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  let throwaway: string | undefined;
  if (!server) {
    try {
      const exports = execFileSync("bash", ["scripts/throwaway-postgres.sh", "start"], { encoding: "utf8" });
      server = /TEST_DATABASE_URL=(\S+)/.exec(exports)?.[1];
      throwaway = /THROWAWAY_POSTGRES_DIR=(\S+)/.exec(exports)?.[1];
    } catch (error) {
      console.log(`PostgreSQL skipped: no BENCH_DATABASE_URL and no throwaway server (${String(error)})`);
      return undefined;
    }
  }
  const admin = new pg.Pool({ connectionString: server, max: 1 });
  const schema = `bench_${purpose}_${randomBytes(4).toString("hex")}`;
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(server!);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return {
    name: "PostgreSQL",
    url: url.toString(),
    async done() {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
      if (throwaway) execFileSync("bash", ["scripts/throwaway-postgres.sh", "stop", throwaway]);
    },
  };
}

/** The engines BENCH_ENGINES asks for: a SQLite file in `folder`, then PostgreSQL when there is one. */
export async function benchEngines(folder: string, purpose: string): Promise<Engine[]> {
  const only = process.env.BENCH_ENGINES?.toLowerCase();
  const engines: Engine[] = [];
  if (only !== "postgresql")
    engines.push({ name: "SQLite", url: `file:${join(folder, "dashboard.db")}`, done: async () => {} });
  const postgres = only === "sqlite" ? undefined : await postgresEngine(purpose);
  if (postgres) engines.push(postgres);
  return engines;
}
