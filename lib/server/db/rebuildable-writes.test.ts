import { sql } from "kysely";
import { expect, it } from "vitest";
import { describeEachEngine } from "@/lib/testing/database-engines";
import { dashboardDatabase } from "./index";
import { rebuildableTransaction } from "./rebuildable-writes";

const deletion = (id: string) => ({ region: "au" as const, id, deleted_at: "2024-06-15T00:00:00.000Z" });

describeEachEngine("rebuildableTransaction", (engine) => {
  it("commits its work whole, or none of it, and leaves other writes as durable as before", async () => {
    const database = await dashboardDatabase();
    const synchronous = async () =>
      (await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(database.kysely)).rows[0]!.synchronous;
    const before = engine.name === "SQLite" ? await synchronous() : undefined;

    await rebuildableTransaction(database, (trx) =>
      trx.insertInto("indexed_customer_deletions").values(deletion("kept")).execute(),
    );
    await expect(
      rebuildableTransaction(database, async (trx) => {
        await trx.insertInto("indexed_customer_deletions").values(deletion("undone")).execute();
        throw new Error("the page couldn't be written");
      }),
    ).rejects.toThrow("the page couldn't be written");
    const ids = await database.kysely.selectFrom("indexed_customer_deletions").select("id").execute();
    expect(ids.map(({ id }) => id)).toEqual(["kept"]);
    if (engine.name === "SQLite") expect(await synchronous()).toBe(before);
  });
});
