import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { openDatabase } from "./index";
import { migrations } from "./migrations";

const FIXTURE = join(__dirname, "fixtures", "dashboard-schema-5.db");
const TABLES = ["users", "sessions", "audit_log", "upload_batches", "uploads", "sent_parts"] as const;

describe("a SQLite database made before PostgreSQL was supported (schema 5)", () => {
  it("migrates forward at start-up with every row of every table kept", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "recapture-legacy-")), "dashboard.db");
    copyFileSync(FIXTURE, file);
    const before = new Database(file, { readonly: true });
    expect(before.pragma("user_version", { simple: true })).toBe(5);
    const rowsBefore = Object.fromEntries(
      TABLES.map((table) => [table, before.prepare(`SELECT * FROM ${table} ORDER BY 1`).all()]),
    );
    before.close();
    expect(Object.values(rowsBefore).every((rows) => rows.length > 0)).toBe(true);

    const opened = await openDatabase(`file:${file}`);
    const { rows } = await sql<{ user_version: number }>`PRAGMA user_version`.execute(opened.kysely);
    expect(rows[0]!.user_version).toBe(migrations.length);
    for (const table of TABLES) {
      const after = await sql.raw(`SELECT * FROM ${table} ORDER BY 1`).execute(opened.kysely);
      expect(after.rows, table).toEqual(rowsBefore[table]);
    }
    // The tables added since are there and empty.
    expect(await opened.kysely.selectFrom("leases").selectAll().execute()).toEqual([]);
    expect(await opened.kysely.selectFrom("sign_in_attempts").selectAll().execute()).toEqual([]);
    // Emails still match without letter case, as the old schema made them.
    const owner = await opened.kysely
      .selectFrom("users")
      .select("name")
      .where("email", "=", "OWNER@dealership.example")
      .executeTakeFirst();
    expect(owner).toEqual({ name: "Olive Owner" });
    await opened.close();
  });
});
