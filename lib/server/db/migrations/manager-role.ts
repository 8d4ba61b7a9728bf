import type { Migration } from "./migration";

/**
 * The manager role, between admin and staff (lib/auth/roles.ts): the users
 * table's CHECK on role takes it. Every account keeps its role. PostgreSQL
 * swaps the constraint; SQLite, which can't alter one, rebuilds the table as
 * it was but for the constraint (../migrate.ts turns foreign keys off
 * meanwhile, so the accounts' sessions and leads stay theirs).
 */
export const managerRoleMigration: Migration = {
  name: "the manager role",
  sql: (words, engine) =>
    engine === "postgres"
      ? `
        ALTER TABLE users DROP CONSTRAINT users_role_check;
        ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin', 'manager', 'staff', 'viewer'));
      `
      : `
        CREATE TABLE users_with_manager (
          id ${words.autoId},
          email TEXT NOT NULL UNIQUE ${words.noCase},
          name TEXT,
          role TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'staff', 'viewer')),
          password_hash TEXT NOT NULL,
          disabled INTEGER NOT NULL DEFAULT 0,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );
        INSERT INTO users_with_manager (id, email, name, role, password_hash, disabled, created_at, updated_at)
          SELECT id, email, name, role, password_hash, disabled, created_at, updated_at FROM users;
        DROP TABLE users;
        ALTER TABLE users_with_manager RENAME TO users;
      `,
};
