import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/server/db";
import { TEST_ENGINES } from "@/lib/testing/database-engines";
import { migrations } from "./index";
import { managerRoleMigration } from "./manager-role";

for (const engine of TEST_ENGINES) {
  describe(`managerRoleMigration (${engine.name})`, () => {
    it("lets an account be a manager, and every account keeps its role, sessions and leads", async () => {
      const url = await engine.persistentUrl();
      const old = await openDatabase(url, {
        migrations: migrations.slice(0, migrations.indexOf(managerRoleMigration)),
      });
      await sql`INSERT INTO users (email, name, role, password_hash, created_at, updated_at, disabled) VALUES
          ('Owner@dealership.example', 'Olive', 'admin', 'h1', 'c', 'u', 0),
          ('sam@dealership.example', NULL, 'staff', 'h2', 'c', 'u', 1),
          ('viv@dealership.example', 'Viv', 'viewer', 'h3', 'c', 'u', 0)`.execute(old.kysely);
      await expect(
        sql`INSERT INTO users (email, role, password_hash, created_at, updated_at)
            VALUES ('m@dealership.example', 'manager', 'h', 'c', 'u')`.execute(old.kysely),
      ).rejects.toThrow();
      await sql`INSERT INTO sessions (id, user_id, created_at, last_seen_at) VALUES ('s2', 2, 'c', 'l')`.execute(
        old.kysely,
      );
      await sql`INSERT INTO leads (region, lead_id, customer_id, listed_at, first_seen_at, last_seen_at,
          status_changed_at, assignee_user_id) VALUES ('au', 'L1', 'c1', 'a', 'f', 'l', 's', 2)`.execute(
        old.kysely,
      );
      const before = await old.kysely.selectFrom("users").selectAll().orderBy("id").execute();
      await old.close();

      const migrated = await openDatabase(url);
      expect(await migrated.kysely.selectFrom("users").selectAll().orderBy("id").execute()).toEqual(before);
      expect(await migrated.kysely.selectFrom("sessions").select("user_id").execute()).toEqual([
        { user_id: 2 },
      ]);
      expect(await migrated.kysely.selectFrom("leads").select("assignee_user_id").execute()).toEqual([
        { assignee_user_id: 2 },
      ]);
      const manager = await migrated.kysely
        .insertInto("users")
        .values({
          email: "m@dealership.example",
          role: "manager",
          password_hash: "h",
          created_at: "c",
          updated_at: "u",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      expect(manager.id).toBeGreaterThan(3);
      await expect(
        migrated.kysely
          .insertInto("users")
          .values({
            email: "x@dealership.example",
            role: "owner" as never,
            password_hash: "h",
            created_at: "c",
            updated_at: "u",
          })
          .execute(),
      ).rejects.toThrow();
      // Emails still match without letter case, and deleting an account still ends its sessions.
      expect(
        await migrated.kysely
          .selectFrom("users")
          .select("id")
          .where("email", "=", "SAM@dealership.example")
          .execute(),
      ).toEqual(engine.name === "SQLite" ? [{ id: 2 }] : []);
      await migrated.kysely.deleteFrom("users").where("id", "=", 2).execute();
      expect(await migrated.kysely.selectFrom("sessions").selectAll().execute()).toEqual([]);
      expect(await migrated.kysely.selectFrom("leads").select("assignee_user_id").execute()).toEqual([
        { assignee_user_id: null },
      ]);
      await migrated.close();
    });
  });
}
