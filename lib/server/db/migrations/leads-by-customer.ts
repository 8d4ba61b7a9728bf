import type { Migration } from "./migration";

/**
 * A customer's leads newest first, for a lead page's "other sightings" (lib/server/db/lead-detail.ts):
 * with the customer's leads alone in the index, SQLite read the whole inbox newest first instead,
 * picking the order over the customer (30,000 leads for a customer's one or two). This index serves
 * both, and what the old one served (the sync's comparison, a search's leads by customer).
 */
export const leadsByCustomerMigration: Migration = {
  name: "a customer's leads, newest first",
  sql: () => `
    CREATE INDEX leads_customer_seen ON leads (region, customer_id, first_seen_at, key);
    DROP INDEX leads_customer;
  `,
};
