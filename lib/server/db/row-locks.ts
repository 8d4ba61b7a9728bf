import "server-only";
import type { SelectQueryBuilder } from "kysely";
import { dashboardDatabase } from "./index";

/**
 * A read inside a transaction whose rows stay locked against other writers
 * until it ends, so a check and the write it decides can't be split by
 * another instance: PostgreSQL's FOR UPDATE. SQLite has no row locks and needs
 * none: a file belongs to one server, whose transaction holds its only connection.
 */
export async function forUpdate<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
): Promise<SelectQueryBuilder<DB, TB, O>> {
  return (await dashboardDatabase()).engine === "postgres" ? query.forUpdate() : query;
}
