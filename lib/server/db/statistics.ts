import "server-only";
import { sql } from "kysely";
import { dashboardDatabase } from "./index";

/**
 * Refreshes what each engine's query planner knows of the customer index's
 * tables, after a sync pass has changed much of them. Without it a planner
 * guesses: SQLite, never told that nearly every customer is in the same
 * region, would read a whole region to find the few a search matches.
 * SQLite's optimize analyzes only tables that changed size many times over
 * since the last look (and samples them); PostgreSQL's ANALYZE samples.
 */
export async function refreshIndexStatistics(): Promise<void> {
  const { engine, kysely } = await dashboardDatabase();
  if (engine === "sqlite") await sql`PRAGMA optimize = 0x10002`.execute(kysely);
  else await sql`ANALYZE indexed_customers, indexed_customer_terms, indexed_sightings`.execute(kysely);
}
