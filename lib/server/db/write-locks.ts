import "server-only";
import { sql, type SelectQueryBuilder, type Transaction } from "kysely";
import type { DashboardDatabase } from "./index";
import type { Tables } from "./schema";

/**
 * A transaction that checks and then writes (count the attempts, then add one;
 * look for another admin, then demote this one) must not interleave with
 * another doing the same, or both pass the check before either writes. What
 * that takes differs by engine, and only here:
 *
 * - SQLite: nothing more. A process has one connection and a transaction holds
 *   it, so transactions run one after another.
 * - PostgreSQL (READ COMMITTED, a pool per instance, several instances): each
 *   statement sees what was committed when it began, so the transaction first
 *   takes a lock the others wait for; its later statements then see their writes.
 */
export type Engine = DashboardDatabase["engine"];

/** `rows` as a read that also locks what it selects until the transaction ends (SELECT … FOR UPDATE). */
export function lockingRead<From extends keyof Tables, Row>(
  engine: Engine,
  rows: SelectQueryBuilder<Tables, From, Row>,
): SelectQueryBuilder<Tables, From, Row> {
  return engine === "postgres" ? rows.forUpdate() : rows;
}

/** Locks the rows `rows` selects until the transaction ends, without reading them. */
export async function lockRowsForWrite<From extends keyof Tables, Row>(
  engine: Engine,
  rows: SelectQueryBuilder<Tables, From, Row>,
): Promise<void> {
  if (engine === "postgres") await lockingRead(engine, rows).execute();
}

// The first half of PostgreSQL's two-number advisory locks, so these never meet a lock taken for something else.
const KEY_LOCKS = 7_240_332;

/** Locks each key until the transaction ends: for keys that may have no row yet to lock (an address never seen). */
export async function lockKeysForWrite(
  trx: Transaction<Tables>,
  engine: Engine,
  keys: readonly string[],
): Promise<void> {
  if (engine !== "postgres") return;
  // Always in the same order (of their hashes, as two keys may share one), so two transactions never wait on each other.
  const { rows } = await sql<{ lock: number }>`
    SELECT DISTINCT hashtext(key) AS lock FROM unnest(${keys}::text[]) AS key ORDER BY lock`.execute(trx);
  for (const { lock } of rows) await sql`SELECT pg_advisory_xact_lock(${KEY_LOCKS}, ${lock})`.execute(trx);
}
