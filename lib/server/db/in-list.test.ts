import { sql } from "kysely";
import { expect, it } from "vitest";
import { describeEachEngine } from "@/lib/testing/database-engines";
import { database } from "./index";
import { inChunks } from "./in-list";

describeEachEngine("inChunks", () => {
  it("queries 70,000 ids, more than either engine binds in one statement, a chunk at a time", async () => {
    const db = await database();
    await sql`CREATE TABLE ids (id INTEGER PRIMARY KEY)`.execute(db);
    await sql`INSERT INTO ids (id)
      WITH RECURSIVE even (id) AS (SELECT 0 UNION ALL SELECT id + 2 FROM even WHERE id < 69998)
      SELECT id FROM even`.execute(db);
    const wanted = Array.from({ length: 70_000 }, (_, id) => id);
    const idsIn = (list: number[]) =>
      sql<{ id: number }>`SELECT id FROM ids WHERE id IN (${sql.join(list)})`.execute(db);

    await expect(idsIn(wanted)).rejects.toThrow(/too many SQL variables|bind message/);
    const calls: number[] = [];
    const found = await inChunks(wanted, async (chunk) => {
      calls.push(chunk.length);
      return (await idsIn(chunk)).rows;
    });
    expect(found).toHaveLength(35_000);
    expect(calls).toHaveLength(140);
    expect(Math.max(...calls)).toBe(500);
  });

  it("makes no query for an empty list", async () => {
    expect(await inChunks([], async () => [1])).toEqual([]);
  });
});
