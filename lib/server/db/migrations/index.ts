import { accountsMigration } from "./accounts";
import { auditSummariesMigration } from "./audit-summaries";
import { columnMappingsMigration } from "./column-mappings";
import { customerIndexMigration } from "./customer-index";
import { leadHistoryMigration } from "./lead-history";
import { leadsMigration } from "./leads";
import { leadsByCustomerMigration } from "./leads-by-customer";
import { managerRoleMigration } from "./manager-role";
import type { Migration } from "./migration";
import { monitoredVinsMigration } from "./monitored-vins";
import { outboxMigration } from "./outbox";
import { sharedStateMigration } from "./shared-state";
import { demoUploadsMigration, sentPartsMigration, uploadsRegisterMigration } from "./uploads";
import { userPreferencesMigration } from "./user-preferences";

export type { Migration, SchemaWords } from "./migration";
export { SCHEMA_WORDS } from "./migration";

/**
 * The schema, as an append-only list: the database records how many have run
 * (SQLite's `PRAGMA user_version`, PostgreSQL's `dashboard_schema` table; see ../migrate.ts) and applies the rest in order at start-up, so the
 * order below is the schema's history and must not change.
 */
export const migrations: Migration[] = [
  accountsMigration,
  uploadsRegisterMigration,
  demoUploadsMigration,
  sentPartsMigration,
  auditSummariesMigration,
  sharedStateMigration,
  columnMappingsMigration,
  customerIndexMigration,
  leadsMigration,
  managerRoleMigration,
  userPreferencesMigration,
  monitoredVinsMigration,
  outboxMigration,
  leadHistoryMigration,
  leadsByCustomerMigration,
];
