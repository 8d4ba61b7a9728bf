import { accountsMigration } from "./accounts";
import { auditSummariesMigration } from "./audit-summaries";
import type { Migration } from "./migration";
import { demoUploadsMigration, sentPartsMigration, uploadsRegisterMigration } from "./uploads";

export type { Migration } from "./migration";

/**
 * The schema, as an append-only list: the database records how many have run
 * (`PRAGMA user_version`) and applies the rest in order at start-up, so the
 * order below is the schema's history and must not change.
 */
export const migrations: Migration[] = [
  accountsMigration,
  uploadsRegisterMigration,
  demoUploadsMigration,
  sentPartsMigration,
  auditSummariesMigration,
];
