import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/server/db";
import { TEST_ENGINES } from "@/lib/testing/database-engines";
import { migrations } from "./index";
import { leadHistoryMigration } from "./lead-history";
import { leadsMigration } from "./leads";

for (const engine of TEST_ENGINES) {
  describe(`leadsMigration (${engine.name})`, () => {
    it("makes the sightings already indexed into leads, first seen when they were listed", async () => {
      const url = await engine.persistentUrl();
      const old = await openDatabase(url, {
        migrations: migrations.slice(0, migrations.indexOf(leadsMigration)),
      });
      await sql`INSERT INTO indexed_customers (region, id, last_updated, sightings, fingerprint, indexed_at)
         VALUES ('au', 'c1', '2026-01-01T00:00:00.000Z', 2, 'f', '2026-12-01T00:00:00.000Z')`.execute(
        old.kysely,
      );
      await sql`INSERT INTO indexed_sightings (lead_id, customer_key, at, listing_url, listing_title, listing_price, seller_type)
         SELECT 'L1', key, '2026-11-02T00:00:00.000Z', 'https://example.com/1', 'Camry', 28500, 'private' FROM indexed_customers
         UNION ALL
         SELECT 'L2', key, '2026-11-03T00:00:00.000Z', NULL, NULL, NULL, NULL FROM indexed_customers`.execute(
        old.kysely,
      );
      await old.close();

      // As the backfill left them: the next migration dismisses the old ones (lead-history.test.ts).
      const migrated = await openDatabase(url, {
        migrations: migrations.slice(0, migrations.indexOf(leadHistoryMigration)),
      });
      const leads = await migrated.kysely
        .selectFrom("leads")
        .select([
          "key",
          "lead_id",
          "customer_id",
          "listed_at",
          "first_seen_at",
          "last_seen_at",
          "price",
          "first_price",
          "status",
        ])
        .orderBy("lead_id")
        .execute();
      expect(leads).toEqual([
        {
          key: expect.any(Number),
          lead_id: "L1",
          customer_id: "c1",
          listed_at: "2026-11-02T00:00:00.000Z",
          first_seen_at: "2026-11-02T00:00:00.000Z",
          last_seen_at: "2026-12-01T00:00:00.000Z",
          price: 28_500,
          first_price: 28_500,
          status: "new",
        },
        expect.objectContaining({ lead_id: "L2", price: null, first_seen_at: "2026-11-03T00:00:00.000Z" }),
      ]);
      const prices = await migrated.kysely.selectFrom("lead_prices").select(["lead_key", "price"]).execute();
      expect(prices).toEqual([{ lead_key: leads[0]!.key, price: 28_500 }]);
      const events = await migrated.kysely.selectFrom("lead_events").select(["kind"]).execute();
      expect(events).toEqual([{ kind: "seen" }, { kind: "seen" }]);
      await migrated.close();
    });
  });
}
