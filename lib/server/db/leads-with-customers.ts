import "server-only";
import type { Kysely } from "kysely";
import type { Tables } from "./schema";

/**
 * Leads (`l`) with the customers they were last seen under, as indexed (`c`): the join every reader of
 * a lead's customer details makes. A left join, as a lead outlives its customer leaving the index; on
 * (region, id), not the customer's key, which SQLite may give a deleted customer's successor.
 */
export function leadsWithCustomers(db: Kysely<Tables>) {
  return db
    .selectFrom("leads as l")
    .leftJoin("indexed_customers as c", (join) =>
      join.onRef("c.region", "=", "l.region").onRef("c.id", "=", "l.customer_id"),
    );
}
