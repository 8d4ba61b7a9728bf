import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/server/db";
import { TEST_ENGINES } from "@/lib/testing/database-engines";
import { migrations } from "./index";
import { leadHistoryMigration } from "./lead-history";

const DAY_MS = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

for (const engine of TEST_ENGINES) {
  describe(`leadHistoryMigration (${engine.name})`, () => {
    it("dismisses the backfilled leads nobody has touched that were listed more than 14 days ago", async () => {
      const url = await engine.persistentUrl();
      const old = await openDatabase(url, {
        migrations: migrations.slice(0, migrations.indexOf(leadHistoryMigration)),
      });
      await sql`INSERT INTO users (email, name, role, password_hash, created_at, updated_at)
          VALUES ('sam@dealership.example', 'Sam', 'staff', 'h', 'c', 'u')`.execute(old.kysely);
      // As the leads migration backfilled them (first seen when listed), then worked or not.
      const backfilled = (
        leadId: string,
        listedAt: string,
        fields: { status?: string; assignee?: number } = {},
      ) =>
        sql`INSERT INTO leads (region, lead_id, customer_id, listed_at, first_seen_at, last_seen_at, status,
            assignee_user_id, status_changed_at)
          VALUES ('au', ${leadId}, 'c1', ${listedAt}, ${listedAt}, ${daysAgo(1)}, ${fields.status ?? "new"},
            ${fields.assignee ?? null}, ${listedAt})`.execute(old.kysely);
      const listedLongAgo = daysAgo(30);
      await backfilled("UNTOUCHED", listedLongAgo);
      await backfilled("RECENT", daysAgo(13));
      await backfilled("ASSIGNED", listedLongAgo, { assignee: 1 });
      await backfilled("NOTED", listedLongAgo);
      await backfilled("CONTACTED", listedLongAgo, { status: "contacted" });
      await backfilled("WORKED_BACK_TO_NEW", listedLongAgo);
      // Met by the sync since, first seen after it was listed: the inbox's, not the backfill's.
      await sql`INSERT INTO leads (region, lead_id, customer_id, listed_at, first_seen_at, last_seen_at,
          status_changed_at) VALUES ('au', 'SEEN_BY_SYNC', 'c1', ${listedLongAgo}, ${daysAgo(2)}, ${daysAgo(1)},
          ${daysAgo(2)})`.execute(old.kysely);
      await sql`INSERT INTO lead_events (lead_key, at, kind, actor_user_id, data)
          SELECT key, first_seen_at, 'seen', NULL, NULL FROM leads`.execute(old.kysely);
      const event = (leadId: string, kind: string, data: object) =>
        sql`INSERT INTO lead_events (lead_key, at, kind, actor_user_id, data)
          SELECT key, ${daysAgo(5)}, ${kind}, 1, ${JSON.stringify(data)} FROM leads WHERE lead_id = ${leadId}`.execute(
          old.kysely,
        );
      await event("NOTED", "note", { text: "Rang, no answer" });
      await event("CONTACTED", "status", { from: "new", to: "contacted" });
      await event("WORKED_BACK_TO_NEW", "status", { from: "contacted", to: "new" });
      await old.close();

      const before = Date.now();
      const migrated = await openDatabase(url);
      const after = Date.now();
      const leads = await migrated.kysely
        .selectFrom("leads")
        .select(["lead_id", "status", "status_changed_at", "assignee_user_id"])
        .orderBy("lead_id")
        .execute();
      const status = Object.fromEntries(leads.map((lead) => [lead.lead_id, lead.status]));
      expect(status).toEqual({
        UNTOUCHED: "dismissed",
        RECENT: "new",
        ASSIGNED: "new",
        NOTED: "new",
        CONTACTED: "contacted",
        WORKED_BACK_TO_NEW: "new",
        SEEN_BY_SYNC: "new",
      });
      const dismissed = leads.find((lead) => lead.lead_id === "UNTOUCHED")!;
      expect(Date.parse(dismissed.status_changed_at)).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse(dismissed.status_changed_at)).toBeLessThanOrEqual(after);

      const statusEvents = await migrated.kysely
        .selectFrom("lead_events as e")
        .innerJoin("leads as l", "l.key", "e.lead_key")
        .select(["l.lead_id", "e.at", "e.actor_user_id", "e.data"])
        .where("e.kind", "=", "status")
        .where("e.actor_user_id", "is", null)
        .execute();
      expect(statusEvents).toEqual([
        {
          lead_id: "UNTOUCHED",
          at: dismissed.status_changed_at,
          actor_user_id: null,
          data: JSON.stringify({ from: "new", to: "dismissed", why: "history" }),
        },
      ]);
      await migrated.close();
    });
  });
}
