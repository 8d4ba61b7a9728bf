import { mkdtempSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "./index";
import { migrations, type Migration } from "./migrations";
import { databaseFilename } from "./url";

describe("databaseFilename", () => {
  it("reads file: paths and :memory:", () => {
    expect(databaseFilename("file:./data/dashboard.db")).toBe("./data/dashboard.db");
    expect(databaseFilename("file:/var/lib/recapture/dashboard.db")).toBe("/var/lib/recapture/dashboard.db");
    expect(databaseFilename("file:///var/lib/recapture/dashboard.db")).toBe(
      "/var/lib/recapture/dashboard.db",
    );
    expect(databaseFilename(":memory:")).toBe(":memory:");
  });

  it("says what is wrong with anything else", () => {
    expect(() => databaseFilename("postgres://db/recapture")).toThrow(/PostgreSQL is not supported yet/);
    expect(() => databaseFilename("dashboard.db")).toThrow(/expected file:<path>/);
    expect(() => databaseFilename("file:")).toThrow(/needs a path/);
  });
});

describe("openDatabase", () => {
  it("creates the folder, applies every migration once and uses WAL", () => {
    const dir = join(mkdtempSync(join(tmpdir(), "recapture-db-")), "nested", "folder");
    const url = `file:${dir}/dashboard.db`;
    const first = openDatabase(url);
    expect(existsSync(`${dir}/dashboard.db`)).toBe(true);
    expect(first.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(first.pragma("user_version", { simple: true })).toBe(migrations.length);
    first.close();
    // Opening again runs nothing twice (a second CREATE TABLE would throw).
    const second = openDatabase(url);
    expect(second.pragma("user_version", { simple: true })).toBe(migrations.length);
    second.close();
  });

  it("applies only the migrations appended since the last start", () => {
    const dir = mkdtempSync(join(tmpdir(), "recapture-db-"));
    const url = `file:${dir}/dashboard.db`;
    openDatabase(url).close();
    const appended: Migration = {
      name: "a later table",
      sql: "CREATE TABLE later (id INTEGER PRIMARY KEY);",
    };
    const database = openDatabase(url, [...migrations, appended]);
    expect(database.pragma("user_version", { simple: true })).toBe(migrations.length + 1);
    expect(database.prepare("SELECT name FROM sqlite_master WHERE name = 'later'").get()).toEqual({
      name: "later",
    });
    database.close();
  });

  it("keeps the register's uploads when a later migration rebuilds their table for demo uploads", () => {
    const dir = mkdtempSync(join(tmpdir(), "recapture-db-"));
    const url = `file:${dir}/dashboard.db`;
    const before = migrations.findIndex((migration) => migration.name === "demo uploads in the register");
    const old = openDatabase(url, migrations.slice(0, before));
    old
      .prepare(
        `INSERT INTO uploads (id, region, name, enable_rego_lookups, created_at, source, recorded_at,
           total_uploaded, total_processed, total_errors, checked_at)
         VALUES ('u1', 'au', 'June sales', 0, '2026-06-01T00:00:00.000Z', 'dashboard', '2026-06-01T00:00:00.000Z', 5, 5, 0, '2026-06-01T00:00:00.000Z')`,
      )
      .run();
    old.close();

    const database = openDatabase(url);
    expect(database.prepare("SELECT id, name, source FROM uploads").all()).toEqual([
      { id: "u1", name: "June sales", source: "dashboard" },
    ]);
    database
      .prepare(
        `INSERT INTO uploads (id, region, name, enable_rego_lookups, created_at, source, recorded_at,
           total_uploaded, total_processed, total_errors, checked_at)
         SELECT 'u2', region, name, enable_rego_lookups, created_at, 'demo', recorded_at,
           total_uploaded, total_processed, total_errors, checked_at FROM uploads`,
      )
      .run();
    expect(database.prepare("SELECT COUNT(*) AS n FROM uploads WHERE source = 'demo'").get()).toEqual({
      n: 1,
    });
    database.close();
  });

  it("refuses a database written by a newer version", () => {
    const dir = mkdtempSync(join(tmpdir(), "recapture-db-"));
    const url = `file:${dir}/dashboard.db`;
    openDatabase(url, [...migrations, { name: "future", sql: "SELECT 1;" }]).close();
    expect(() => openDatabase(url)).toThrow(/newer than this version/);
  });
});
