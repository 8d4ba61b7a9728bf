import "server-only";
import { sql, type Transaction } from "kysely";
import type { DashboardDatabase } from "./index";
import type { Tables } from "./schema";

/**
 * A transaction over data the dashboard can rebuild from elsewhere (the
 * customer index, a copy of the Recapture API's list), which therefore need
 * not wait for the disk when it commits. The sync commits a page at a time,
 * and waiting for each to reach the disk was a third of a first pass on
 * SQLite. Either engine still commits the transaction whole or not at all,
 * and the database stays intact; a power cut may only undo the last few
 * pages, which the next pass writes again.
 *
 * - SQLite (WAL): `synchronous = NORMAL` for this transaction alone, on the
 *   process's one connection, held so nothing else commits meanwhile; a
 *   later commit at the usual setting makes these durable too.
 * - PostgreSQL: `synchronous_commit = off` for this transaction alone.
 */
export async function rebuildableTransaction<T>(
  { engine, kysely }: DashboardDatabase,
  work: (trx: Transaction<Tables>) => Promise<T>,
): Promise<T> {
  if (engine === "postgres")
    return kysely.transaction().execute(async (trx) => {
      await sql`SET LOCAL synchronous_commit = off`.execute(trx);
      return work(trx);
    });
  return kysely.connection().execute(async (connection) => {
    const { rows } = await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(connection);
    await sql`PRAGMA synchronous = NORMAL`.execute(connection);
    try {
      return await connection.transaction().execute(work);
    } finally {
      await sql`PRAGMA synchronous = ${sql.raw(String(Number(rows[0]!.synchronous)))}`.execute(connection);
    }
  });
}
