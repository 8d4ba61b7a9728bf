import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/server/db";
import { TEST_ENGINES } from "@/lib/testing/database-engines";
import { migrations } from "./index";
import { sentPartsMigration } from "./uploads";

for (const engine of TEST_ENGINES) {
  describe(`sentPartsMigration (${engine.name})`, () => {
    it("cuts names already stored beyond 200 characters, so no register line carries megabytes", async () => {
      const url = await engine.persistentUrl();
      const before = migrations.slice(0, migrations.indexOf(sentPartsMigration));
      const old = await openDatabase(url, { migrations: before });
      const long = "N".repeat(2_000_000);
      await sql`INSERT INTO uploads (id, region, name, enable_rego_lookups, created_at, source, recorded_at,
           total_uploaded, total_processed, total_errors, checked_at)
         VALUES ('u1', 'au', ${long}, 0, 'x', 'dashboard', 'x', 1, 0, 0, 'x'), ('u2', 'au', 'June', 0, 'x', 'dashboard', 'x', 1, 0, 0, 'x')`.execute(
        old.kysely,
      );
      await sql`INSERT INTO upload_batches (name, file_name, rows_in_file, rows_sent, rows_not_sent, recorded_at)
         VALUES (${"B".repeat(300)}, 'f.csv', 1, 1, 0, 'x')`.execute(old.kysely);
      await old.close();

      const migrated = await openDatabase(url);
      const { rows } = await sql<{
        id: string;
        length: number;
      }>`SELECT id, length(name) AS length FROM uploads ORDER BY id`.execute(migrated.kysely);
      expect(rows).toEqual([
        { id: "u1", length: 200 },
        { id: "u2", length: 4 },
      ]);
      const batch = await sql<{ length: number }>`SELECT length(name) AS length FROM upload_batches`.execute(
        migrated.kysely,
      );
      expect(batch.rows).toEqual([{ length: 200 }]);
      await migrated.close();
    });
  });
}
