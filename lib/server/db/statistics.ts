import "server-only";
import { sql } from "kysely";
import { dashboardDatabase } from "./index";

const INDEX_TABLES = sql.raw(
  "indexed_customers, indexed_customer_terms, indexed_customer_reads, indexed_sightings",
);

/**
 * Refreshes what each engine's query planner knows of the customer index's
 * tables, after a sync pass has changed much of them. Without it a planner
 * guesses: SQLite, never told that nearly every customer is in the same
 * region, would read a whole region to find the few a search matches, and
 * PostgreSQL, still thinking a growing table small, reads all of it for each
 * page the sync writes. SQLite's optimize analyzes (a sample of) only tables
 * that changed size many times over. PostgreSQL samples them; at the end of a
 * pass it also vacuums, which clears the pass's old row versions and marks
 * pages all-visible, so a sorted page is read from its index alone rather than
 * waiting for autovacuum to get round to it (and to run while people search).
 */
export async function refreshIndexStatistics(pass: "growing" | "complete"): Promise<void> {
  const { engine, kysely } = await dashboardDatabase();
  if (engine === "sqlite") await sql`PRAGMA optimize = 0x10002`.execute(kysely);
  else if (pass === "growing") await sql`ANALYZE ${INDEX_TABLES}`.execute(kysely);
  else await sql`VACUUM (ANALYZE) ${INDEX_TABLES}`.execute(kysely);
}
