import type { Migration } from "./migration";

/** The first schema: accounts, their sessions and the audit log. */
export const accountsMigration: Migration = {
  name: "users, sessions and the audit log",
  sql: (words) => `
      CREATE TABLE users (
        id ${words.autoId},
        email TEXT NOT NULL UNIQUE ${words.noCase},
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
        id ${words.autoId},
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
};
