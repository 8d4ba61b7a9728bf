import type { Migration } from "./migration";

/**
 * The upload wizard asks the customer index which of a file's cars it already
 * has (lib/server/db/already-monitored.ts): by rego, which the index's rego
 * sort already serves, and by VIN, which needs this. Upper-cased because a VIN
 * matches in any case. A dedicated index rather than the search's terms table:
 * those are lower-cased prefixes mixed with external ids and additional
 * fields, cut to the search's length, so every hit would need checking against
 * the customer's VIN, and the duplicate check would hang on the search's rules.
 */
export const monitoredVinsMigration: Migration = {
  name: "the customer index by VIN",
  sql: () => `
    CREATE INDEX indexed_customers_vin ON indexed_customers (region, upper(vin));
  `,
};
