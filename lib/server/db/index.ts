import "server-only";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { env } from "@/lib/server/env";
import { migratePostgres, migrateSqlite } from "./migrate";
import { migrations, type Migration } from "./migrations";
import type { Tables } from "./schema";
import { parseDatabaseUrl } from "./url";

/**
 * The dashboard's database: one Kysely query layer over SQLite (better-sqlite3,
 * the embedded default) or PostgreSQL (node-postgres, a pool per instance).
 * Every query is written once against `Tables`; where the engines differ the
 * difference is in one helper (./write-locks.ts) or in ./migrate.ts.
 */
export interface DashboardDatabase {
  engine: "sqlite" | "postgres";
  /**
   * Whether other instances may be using it too. A SQLite file belongs to one
   * server; PostgreSQL is how several instances share their state.
   */
  shared: boolean;
  kysely: Kysely<Tables>;
  close(): Promise<void>;
}

export type Db = Kysely<Tables>;

/** Opens the database DATABASE_URL names (creating a SQLite file's folder) and brings its schema up to date. */
export async function openDatabase(
  url: string,
  options: { poolMax?: number; migrations?: readonly Migration[] } = {},
): Promise<DashboardDatabase> {
  const list = options.migrations ?? migrations;
  const location = parseDatabaseUrl(url);
  if (location.engine === "sqlite") {
    const handle = openSqliteFile(location.filename);
    try {
      migrateSqlite(handle, list);
    } catch (error) {
      handle.close();
      throw error;
    }
    const kysely = new Kysely<Tables>({ dialect: new SqliteDialect({ database: handle }) });
    return { engine: "sqlite", shared: false, kysely, close: () => kysely.destroy() };
  }

  const pool = new pg.Pool({
    connectionString: location.connectionString,
    max: options.poolMax ?? 10,
    connectionTimeoutMillis: 10_000,
    // COUNT(*) and BIGINT columns come back as numbers, as they do from SQLite (all stay far below 2^53).
    types: {
      getTypeParser: (oid, format) => (oid === BIGINT_OID ? Number : pg.types.getTypeParser(oid, format)),
    },
  });
  // A connection dropped while idle (a database restart) is replaced on next use; without a listener it would crash the process.
  pool.on("error", (error) =>
    console.error(`PostgreSQL connection lost (${location.where}): ${error.message}`),
  );
  try {
    await migratePostgres(pool, list);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(`DATABASE_URL: PostgreSQL at ${location.where}: ${reason(error)}`, { cause: error });
  }
  const kysely = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return { engine: "postgres", shared: true, kysely, close: () => kysely.destroy() };
}

const BIGINT_OID = 20;

function reason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error instanceof AggregateError && error.errors.length > 0) return reason(error.errors[0]);
  return error.message || (error as { code?: string }).code || "unknown error";
}

function openSqliteFile(filename: string): Database.Database {
  if (filename !== ":memory:") mkdirSync(dirname(filename), { recursive: true });
  const handle = new Database(filename);
  // WAL lets page renders read while a request writes; the busy timeout covers a second process (the users CLI).
  handle.pragma("journal_mode = WAL");
  handle.pragma("busy_timeout = 5000");
  handle.pragma("foreign_keys = ON");
  // The customer index outgrows SQLite's defaults many times over: 64 MB of cached pages rather than
  // 2 MB, so a sync writing into its indexes (or a sorted page reading them) rarely goes to the file,
  // and a 40 MB log before each checkpoint rather than 4 MB, so one sync page doesn't set off a
  // checkpoint of the whole file on nearly every commit.
  handle.pragma("cache_size = -65536");
  handle.pragma("wal_autocheckpoint = 10000");
  return handle;
}

// One database per server process, kept on globalThis so dev-server reloads (and Next's separate
// bundles for start-up and routes) share it.
const holder = globalThis as typeof globalThis & { dashboardDatabase?: Promise<DashboardDatabase> };

/** The process's database, opened and migrated on first use. */
export function dashboardDatabase(): Promise<DashboardDatabase> {
  if (!holder.dashboardDatabase) {
    const opening = openDatabase(env().DATABASE_URL, { poolMax: env().DATABASE_POOL_MAX });
    holder.dashboardDatabase = opening;
    // A failed open is not kept, so the next call tries again (and start-up reports the failure).
    opening.catch(() => {
      if (holder.dashboardDatabase === opening) holder.dashboardDatabase = undefined;
    });
  }
  return holder.dashboardDatabase;
}

/** The query layer of the process's database. */
export async function database(): Promise<Db> {
  return (await dashboardDatabase()).kysely;
}

/** Closes the process's database; the next call opens it again (tests use this for a fresh `:memory:` database). */
export async function closeDatabase(): Promise<void> {
  const open = holder.dashboardDatabase;
  holder.dashboardDatabase = undefined;
  if (open) await (await open.catch(() => undefined))?.close();
}
