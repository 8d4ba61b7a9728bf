import "server-only";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { env } from "@/lib/server/env";
import { migrations, type Migration } from "./migrations";
import { databaseFilename } from "./url";

/** Opens a database file (creating its folder) and brings its schema up to date. */
export function openDatabase(url: string, list: Migration[] = migrations): Database.Database {
  const filename = databaseFilename(url);
  if (filename !== ":memory:") mkdirSync(dirname(filename), { recursive: true });
  const database = new Database(filename);
  // WAL lets page renders read while a request writes; the busy timeout covers a second process (the users CLI).
  database.pragma("journal_mode = WAL");
  database.pragma("busy_timeout = 5000");
  database.pragma("foreign_keys = ON");
  migrate(database, list);
  return database;
}

function migrate(database: Database.Database, list: Migration[]): void {
  // IMMEDIATE takes the write lock first, so two processes starting together cannot both apply a migration.
  database
    .transaction(() => {
      const applied = database.pragma("user_version", { simple: true }) as number;
      if (applied > list.length) {
        throw new Error(
          `The database at DATABASE_URL is newer than this version of the dashboard (schema ${applied}).`,
        );
      }
      for (const migration of list.slice(applied)) database.exec(migration.sql);
      database.pragma(`user_version = ${list.length}`);
    })
    .immediate();
}

// One connection per server process, kept on globalThis so dev-server reloads don't open another.
const holder = globalThis as typeof globalThis & { dashboardDatabase?: Database.Database };

export function db(): Database.Database {
  holder.dashboardDatabase ??= openDatabase(env().DATABASE_URL);
  return holder.dashboardDatabase;
}

/** Closes the process's connection; the next db() opens it again (tests use this for a fresh `:memory:` database). */
export function closeDatabase(): void {
  holder.dashboardDatabase?.close();
  holder.dashboardDatabase = undefined;
}
