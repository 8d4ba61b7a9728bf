import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { TEST_ENGINES } from "@/lib/testing/database-engines";
import { openDatabase, type DashboardDatabase } from "./index";
import { migrations, type Migration } from "./migrations";
import { parseDatabaseUrl } from "./url";

describe("parseDatabaseUrl", () => {
  it("reads file: paths and :memory: as SQLite", () => {
    expect(parseDatabaseUrl("file:./data/dashboard.db")).toEqual({
      engine: "sqlite",
      filename: "./data/dashboard.db",
    });
    expect(parseDatabaseUrl("file:///var/lib/recapture/dashboard.db")).toEqual({
      engine: "sqlite",
      filename: "/var/lib/recapture/dashboard.db",
    });
    expect(parseDatabaseUrl(":memory:")).toEqual({ engine: "sqlite", filename: ":memory:" });
  });

  it("reads postgres:// and postgresql:// as PostgreSQL, described without the password", () => {
    const url = "postgres://dash:s3cret@db.internal:6543/recapture";
    expect(parseDatabaseUrl(url)).toEqual({
      engine: "postgres",
      connectionString: url,
      where: "db.internal:6543/recapture",
    });
    expect(parseDatabaseUrl("postgresql://db.internal/recapture")).toMatchObject({
      where: "db.internal:5432/recapture",
    });
  });

  it("says what is wrong with anything else, never repeating a password", () => {
    expect(() => parseDatabaseUrl("mysql://root:hunter2@db/recapture")).toThrow(/expected file:<path>/);
    expect(() => parseDatabaseUrl("mysql://root:hunter2@db/recapture")).not.toThrow(/hunter2/);
    expect(() => parseDatabaseUrl("dashboard.db")).toThrow(/DATABASE_URL/);
    expect(() => parseDatabaseUrl("file:")).toThrow(/needs a path/);
    expect(() => parseDatabaseUrl("postgres:///recapture")).toThrow(/needs a host/);
  });
});

describe("openDatabase on SQLite", () => {
  it("creates the file's folder and uses WAL", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "recapture-db-")), "nested", "folder");
    const opened = await openDatabase(`file:${dir}/dashboard.db`);
    expect(existsSync(`${dir}/dashboard.db`)).toBe(true);
    const { rows } = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(opened.kysely);
    expect(rows[0]?.journal_mode).toBe("wal");
    await opened.close();
  });
});

describe("openDatabase on PostgreSQL", () => {
  it("stops with the variable and the host when the server can't be reached, never the password", async () => {
    const failure = openDatabase("postgres://dash:s3cret@127.0.0.1:1/recapture");
    await expect(failure).rejects.toThrow(/^DATABASE_URL: PostgreSQL at 127\.0\.0\.1:1\/recapture: /);
    await expect(failure).rejects.not.toThrow(/s3cret/);
  });
});

/** The version the database records: SQLite's user_version, PostgreSQL's dashboard_schema. */
async function schemaVersion(opened: DashboardDatabase): Promise<number> {
  if (opened.engine === "sqlite") {
    const { rows } = await sql<{ user_version: number }>`PRAGMA user_version`.execute(opened.kysely);
    return rows[0]!.user_version;
  }
  const { rows } = await sql<{ version: number }>`SELECT version FROM dashboard_schema`.execute(
    opened.kysely,
  );
  return rows[0]!.version;
}

for (const engine of TEST_ENGINES) {
  describe(`migrations (${engine.name})`, () => {
    it("applies every migration once", async () => {
      const url = await engine.persistentUrl();
      const first = await openDatabase(url);
      expect(await schemaVersion(first)).toBe(migrations.length);
      await first.close();
      // Opening again runs nothing twice (a second CREATE TABLE would throw).
      const second = await openDatabase(url);
      expect(await schemaVersion(second)).toBe(migrations.length);
      await second.close();
    });

    it("applies only the migrations appended since the last start", async () => {
      const url = await engine.persistentUrl();
      await (await openDatabase(url)).close();
      const appended: Migration = {
        name: "a later table",
        sql: () => "CREATE TABLE later (id INTEGER PRIMARY KEY);",
      };
      const opened = await openDatabase(url, { migrations: [...migrations, appended] });
      expect(await schemaVersion(opened)).toBe(migrations.length + 1);
      await sql`INSERT INTO later (id) VALUES (1)`.execute(opened.kysely);
      await opened.close();
    });

    it("lets two instances start together: one migrates, the other waits and finds it done", async () => {
      const url = await engine.persistentUrl();
      const [a, b] = await Promise.all([openDatabase(url), openDatabase(url)]);
      expect(await schemaVersion(a)).toBe(migrations.length);
      expect(await schemaVersion(b)).toBe(migrations.length);
      await Promise.all([a.close(), b.close()]);
    });

    it("leaves the schema as it was when a migration fails", async () => {
      const url = await engine.persistentUrl();
      await (await openDatabase(url)).close();
      const broken: Migration = {
        name: "half a change",
        sql: () => "CREATE TABLE half (id INTEGER PRIMARY KEY); INSERT INTO no_such_table VALUES (1);",
      };
      await expect(openDatabase(url, { migrations: [...migrations, broken] })).rejects.toThrow(
        /no_such_table/,
      );
      const opened = await openDatabase(url);
      expect(await schemaVersion(opened)).toBe(migrations.length);
      await expect(sql`SELECT * FROM half`.execute(opened.kysely)).rejects.toThrow();
      await opened.close();
    });

    it("keeps the register's uploads when a later migration rebuilds their table for demo uploads", async () => {
      const url = await engine.persistentUrl();
      const before = migrations.findIndex((migration) => migration.name === "demo uploads in the register");
      const old = await openDatabase(url, { migrations: migrations.slice(0, before) });
      await sql`INSERT INTO uploads (id, region, name, enable_rego_lookups, created_at, source, recorded_at,
           total_uploaded, total_processed, total_errors, checked_at)
         VALUES ('u1', 'au', 'June sales', 0, '2026-06-01T00:00:00.000Z', 'dashboard', '2026-06-01T00:00:00.000Z', 5, 5, 0, '2026-06-01T00:00:00.000Z')`.execute(
        old.kysely,
      );
      await old.close();

      const opened = await openDatabase(url);
      expect(await opened.kysely.selectFrom("uploads").select(["id", "name", "source"]).execute()).toEqual([
        { id: "u1", name: "June sales", source: "dashboard" },
      ]);
      await opened.kysely
        .insertInto("uploads")
        .values({
          id: "u2",
          region: "au",
          name: "Demo",
          enable_rego_lookups: 0,
          created_at: "2026-06-01T00:00:00.000Z",
          source: "demo",
          recorded_at: "2026-06-01T00:00:00.000Z",
          total_uploaded: 1,
          total_processed: 1,
          total_errors: 0,
          checked_at: "2026-06-01T00:00:00.000Z",
        })
        .execute();
      const demo = await opened.kysely
        .selectFrom("uploads")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("source", "=", "demo")
        .executeTakeFirstOrThrow();
      expect(demo.n).toBe(1);
      await opened.close();
    });

    it("refuses a database written by a newer version", async () => {
      const url = await engine.persistentUrl();
      await (
        await openDatabase(url, { migrations: [...migrations, { name: "future", sql: () => "SELECT 1;" }] })
      ).close();
      await expect(openDatabase(url)).rejects.toThrow(/newer than this version/);
    });
  });
}
