import type Database from "better-sqlite3";
import type { Pool } from "pg";
import { SCHEMA_WORDS, type Migration } from "./migrations";

/**
 * Brings a database's schema up to date, under a lock, so two instances
 * starting together never both apply a migration: SQLite's write lock
 * (BEGIN IMMEDIATE), PostgreSQL's transaction-scoped advisory lock. Each
 * engine keeps the count of migrations applied where it always has: SQLite in
 * `PRAGMA user_version` (so a file made before PostgreSQL was supported
 * carries on where it was), PostgreSQL in a one-row `dashboard_schema` table.
 *
 * Not Kysely's Migrator: it keeps its own table of names, which the SQLite
 * files already in use don't have, and its SQLite lock is a deferred
 * transaction that a second process can fail on midway.
 */

function newerThanThis(applied: number): Error {
  return new Error(
    `The database at DATABASE_URL is newer than this version of the dashboard (schema ${applied}).`,
  );
}

/**
 * SQLite changes a constraint by rebuilding the table (create the new one, copy, drop the old, rename), and
 * dropping a table others reference would, with foreign keys enforced, delete or null the rows referencing
 * it (an account's sessions, a lead's assignee). So they are off while migrating, as SQLite's guide to
 * such changes says (the switch is ignored inside a transaction, hence around it), and checked before
 * the migrations commit.
 */
export function migrateSqlite(database: Database.Database, list: readonly Migration[]): void {
  const enforced = database.pragma("foreign_keys", { simple: true }) === 1;
  database.pragma("foreign_keys = OFF");
  try {
    database
      .transaction(() => {
        const applied = database.pragma("user_version", { simple: true }) as number;
        if (applied > list.length) throw newerThanThis(applied);
        for (const migration of list.slice(applied))
          database.exec(migration.sql(SCHEMA_WORDS.sqlite, "sqlite"));
        if ((database.pragma("foreign_key_check") as unknown[]).length > 0)
          throw new Error("A migration left rows referring to rows that don't exist.");
        database.pragma(`user_version = ${list.length}`);
      })
      .immediate();
  } finally {
    if (enforced) database.pragma("foreign_keys = ON");
  }
}

// Any fixed number: the lock only has to be the same one in every instance.
const MIGRATION_LOCK = 7_240_331;

export async function migratePostgres(pool: Pool, list: readonly Migration[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query("CREATE TABLE IF NOT EXISTS dashboard_schema (version INTEGER NOT NULL)");
    const { rows } = await client.query<{ version: number }>("SELECT version FROM dashboard_schema");
    const applied = rows[0]?.version ?? 0;
    if (applied > list.length) throw newerThanThis(applied);
    // DDL is transactional in PostgreSQL: a failed migration leaves the schema as it was.
    for (const migration of list.slice(applied))
      await client.query(migration.sql(SCHEMA_WORDS.postgres, "postgres"));
    if (rows.length === 0)
      await client.query("INSERT INTO dashboard_schema (version) VALUES ($1)", [list.length]);
    else await client.query("UPDATE dashboard_schema SET version = $1", [list.length]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
