import type { Migration } from "./migration";

/** Repeated events (failed sign-ins from one address) kept as one audit row with a count. */
export const auditSummariesMigration: Migration = {
  name: "summarised audit entries",
  sql: () => `
      -- A row may stand for several like events (failed sign-ins from one address in one window):
      -- summary_key names the group and repeats counts its events.
      ALTER TABLE audit_log ADD COLUMN repeats INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE audit_log ADD COLUMN summary_key TEXT;
      CREATE UNIQUE INDEX audit_log_summary_key ON audit_log (summary_key) WHERE summary_key IS NOT NULL;
    `,
};
