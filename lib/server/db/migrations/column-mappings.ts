import type { Migration } from "./migration";

/**
 * The columns people chose for a file's headers, shared by everyone in the dealership:
 * the next file with the same headers, dropped by anyone, starts from them. One row per
 * set of headers, keyed by a hash of their normalised form (they can be long, and a
 * PostgreSQL index entry can't), holding who saved it last and when.
 */
export const columnMappingsMigration: Migration = {
  name: "column mappings shared by the dealership",
  sql: () => `
    CREATE TABLE column_mappings (
      headers_hash TEXT PRIMARY KEY,
      column_count INTEGER NOT NULL,
      mapping TEXT NOT NULL,
      saved_by_user_id INTEGER,
      saved_by_email TEXT NOT NULL,
      saved_by_name TEXT,
      saved_at TEXT NOT NULL
    );
  `,
};
