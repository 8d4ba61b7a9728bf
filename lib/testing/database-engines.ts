import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeEach, describe, vi } from "vitest";
import { closeDatabase, dashboardDatabase } from "@/lib/server/db";
import { forgetSettings } from "@/lib/server/env";

/**
 * The database tests run against both engines: SQLite (a fresh `:memory:`
 * database per test) and, when TEST_DATABASE_URL names a PostgreSQL server
 * (.ci/run starts one), PostgreSQL, in a fresh schema per test. Without it
 * the PostgreSQL runs are skipped, and vitest's global set-up says so once.
 */
export interface TestEngine {
  name: "SQLite" | "PostgreSQL";
  /** A DATABASE_URL for a new, empty database. */
  freshUrl(): Promise<string>;
  /** The same, for a database that outlives its connection (a file for SQLite), to open it again. */
  persistentUrl(): Promise<string>;
}

const postgresUrl = process.env.TEST_DATABASE_URL;

let adminPool: pg.Pool | undefined;
const schemas: string[] = [];

const sqlite: TestEngine = {
  name: "SQLite",
  freshUrl: async () => ":memory:",
  persistentUrl: async () => `file:${join(mkdtempSync(join(tmpdir(), "recapture-db-")), "dashboard.db")}`,
};

const postgres: TestEngine = {
  name: "PostgreSQL",
  async freshUrl() {
    adminPool ??= new pg.Pool({ connectionString: postgresUrl, max: 2 });
    const schema = `test_${randomBytes(6).toString("hex")}`;
    await adminPool.query(`CREATE SCHEMA ${schema}`);
    schemas.push(schema);
    return withSearchPath(postgresUrl!, schema);
  },
  persistentUrl: () => postgres.freshUrl(),
};

/** The same server and database, with unqualified names resolved in `schema`. */
export function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set("options", `-c search_path=${schema}`);
  return parsed.toString();
}

export const TEST_ENGINES: readonly TestEngine[] = postgresUrl ? [sqlite, postgres] : [sqlite];

/**
 * `describe` once per engine, with DATABASE_URL pointing at a fresh database
 * before each test and the process's database closed after it.
 */
export function describeEachEngine(title: string, body: (engine: TestEngine) => void): void {
  for (const engine of TEST_ENGINES) {
    describe(`${title} (${engine.name})`, () => {
      beforeEach(async () => {
        vi.stubEnv("DATABASE_URL", await engine.freshUrl());
        // Settings are read once per process: without this every engine would get the first test's database.
        forgetSettings();
      });
      beforeEach(async () => {
        const expected = engine.name === "SQLite" ? "sqlite" : "postgres";
        const { engine: opened } = await dashboardDatabase();
        if (opened !== expected)
          throw new Error(`describeEachEngine: expected ${expected}, opened ${opened}`);
      });
      afterEach(async () => {
        await closeDatabase();
      });
      body(engine);
    });
  }
}

afterAll(async () => {
  if (!adminPool) return;
  for (const schema of schemas.splice(0)) await adminPool.query(`DROP SCHEMA ${schema} CASCADE`);
  await adminPool.end();
  adminPool = undefined;
});
