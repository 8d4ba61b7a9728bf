import "server-only";
import { CompiledQuery, type Kysely } from "kysely";
import type { Tables } from "./schema";

/**
 * Many rows in one INSERT, where the engines really differ in what is fast.
 * Built as text rather than with Kysely's builder, which makes an object for
 * every value (a sync page is ten thousand of them). SQLite binds every value
 * (`VALUES (?, ?), (?, ?)…`, under its limit of bound values per statement);
 * PostgreSQL binds one array per column and unnests them, so a statement has
 * a handful of parameters however many rows it carries, instead of being
 * parsed and planned with tens of thousands.
 */

export type Engine = "sqlite" | "postgres";

/** A column of the insert and its PostgreSQL array type. */
export type BulkColumn = readonly [name: string, type: "text" | "integer" | "double precision"];

const SQLITE_MAX_VALUES = 30_000;

/**
 * Inserts `rows` (values in the order of `columns`) into `table`, with
 * `suffix` (an ON CONFLICT or RETURNING clause, no parameters) after each
 * statement, and returns the rows every statement returned.
 */
export async function bulkInsert<R = unknown>(
  db: Kysely<Tables>,
  engine: Engine,
  table: keyof Tables,
  columns: readonly BulkColumn[],
  rows: readonly (readonly unknown[])[],
  suffix = "",
): Promise<R[]> {
  const names = columns.map(([name]) => name).join(", ");
  const returned: R[] = [];
  if (engine === "postgres") {
    for (let start = 0; start < rows.length; start += 10_000) {
      const batch = rows.slice(start, start + 10_000);
      const arrays = columns.map((_, index) => batch.map((row) => row[index] ?? null));
      const unnest = columns.map(([, type], index) => `$${index + 1}::${type}[]`).join(", ");
      const query = CompiledQuery.raw(
        `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${unnest}) ${suffix}`,
        arrays,
      );
      returned.push(...(await db.executeQuery<R>(query)).rows);
    }
    return returned;
  }
  const perStatement = Math.max(1, Math.floor(SQLITE_MAX_VALUES / columns.length));
  const placeholders = `(${columns.map(() => "?").join(", ")})`;
  for (let start = 0; start < rows.length; start += perStatement) {
    const batch = rows.slice(start, start + perStatement);
    const values = Array(batch.length).fill(placeholders).join(", ");
    const query = CompiledQuery.raw(
      `INSERT INTO ${table} (${names}) VALUES ${values} ${suffix}`,
      batch.flat(),
    );
    returned.push(...(await db.executeQuery<R>(query)).rows);
  }
  return returned;
}
