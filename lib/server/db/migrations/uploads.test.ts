import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/server/db";
import { migrations } from "./index";
import { sentPartsMigration } from "./uploads";

describe("sentPartsMigration", () => {
  it("cuts names already stored beyond 200 characters, so no register line carries megabytes", () => {
    const url = `file:${join(mkdtempSync(join(tmpdir(), "recapture-register-")), "dashboard.db")}`;
    const before = migrations.slice(0, migrations.indexOf(sentPartsMigration));
    const old = openDatabase(url, before);
    old
      .prepare(
        `INSERT INTO uploads (id, region, name, enable_rego_lookups, created_at, source, recorded_at,
           total_uploaded, total_processed, total_errors, checked_at)
         VALUES ('u1', 'au', ?, 0, 'x', 'dashboard', 'x', 1, 0, 0, 'x'), ('u2', 'au', 'June', 0, 'x', 'dashboard', 'x', 1, 0, 0, 'x')`,
      )
      .run("N".repeat(20_000_000));
    old
      .prepare(
        `INSERT INTO upload_batches (name, file_name, rows_in_file, rows_sent, rows_not_sent, recorded_at)
         VALUES (?, 'f.csv', 1, 1, 0, 'x')`,
      )
      .run("B".repeat(300));
    old.close();

    const migrated = openDatabase(url);
    expect(migrated.prepare("SELECT id, length(name) AS length FROM uploads ORDER BY id").all()).toEqual([
      { id: "u1", length: 200 },
      { id: "u2", length: 4 },
    ]);
    expect(migrated.prepare("SELECT length(name) AS length FROM upload_batches").get()).toEqual({
      length: 200,
    });
    migrated.close();
  });
});
