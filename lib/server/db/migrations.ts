import {
  demoUploadsMigration,
  sentPartsMigration,
  uploadsRegisterMigration,
} from "@/lib/server/uploads/migration";

/**
 * The schema, as an append-only list: the database records how many have run
 * (`PRAGMA user_version`) and applies the rest in order at start-up. Never edit
 * a migration that has shipped; add a new one at the end.
 *
 * Times are ISO 8601 strings in UTC and ids are plain integers or text, so the
 * same statements translate directly to PostgreSQL.
 */
export interface Migration {
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    name: "users, sessions and the audit log",
    sql: `
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        email TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name TEXT,
        role TEXT NOT NULL CHECK (role IN ('admin', 'staff', 'viewer')),
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      -- id is a hash of the token sealed in the cookie, so reading this table does not let anyone sign in.
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL
      );
      CREATE INDEX sessions_user_id ON sessions (user_id);
      CREATE INDEX sessions_last_seen_at ON sessions (last_seen_at);

      -- The actor's email is copied so the log still reads correctly after an account changes.
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user_id INTEGER,
        user_email TEXT,
        action TEXT NOT NULL,
        target TEXT,
        outcome TEXT NOT NULL CHECK (outcome IN ('success', 'failure')),
        detail TEXT
      );
      CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC);
    `,
  },
  uploadsRegisterMigration,
  demoUploadsMigration,
  sentPartsMigration,
  {
    name: "summarised audit entries",
    sql: `
      -- A row may stand for several like events (failed sign-ins from one address in one window):
      -- summary_key names the group and repeats counts its events.
      ALTER TABLE audit_log ADD COLUMN repeats INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE audit_log ADD COLUMN summary_key TEXT;
      CREATE UNIQUE INDEX audit_log_summary_key ON audit_log (summary_key) WHERE summary_key IS NOT NULL;
    `,
  },
];
