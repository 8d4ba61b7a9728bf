import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { inChunks } from "./in-list";

describe("inChunks", () => {
  it("queries 40,000 ids, more than SQLite binds in one statement, a chunk at a time", () => {
    const database = new Database(":memory:");
    database.exec("CREATE TABLE ids (id INTEGER PRIMARY KEY)");
    const insert = database.prepare("INSERT INTO ids (id) VALUES (?)");
    database.transaction(() => {
      for (let id = 0; id < 40_000; id += 2) insert.run(id);
    })();
    const wanted = Array.from({ length: 40_000 }, (_, id) => id);

    expect(() =>
      database.prepare(`SELECT id FROM ids WHERE id IN (${wanted.map(() => "?").join(", ")})`).all(...wanted),
    ).toThrow(/too many SQL variables/);
    const calls: number[] = [];
    const found = inChunks(wanted, (chunk, placeholders) => {
      calls.push(chunk.length);
      return database.prepare(`SELECT id FROM ids WHERE id IN (${placeholders})`).all(...chunk) as {
        id: number;
      }[];
    });
    expect(found).toHaveLength(20_000);
    expect(calls).toHaveLength(80);
    expect(Math.max(...calls)).toBe(500);
  });

  it("makes no query for an empty list", () => {
    expect(inChunks([], () => [1])).toEqual([]);
  });
});
