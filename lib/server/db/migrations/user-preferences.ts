import type { Migration } from "./migration";

/**
 * Small choices each person makes for themselves (which columns a table shows),
 * kept on the server so they follow the person to another browser. One row per
 * user and preference; `value` is JSON, checked against the preference's own
 * schema (lib/preferences) when written and again when read. Gone with the account.
 */
export const userPreferencesMigration: Migration = {
  name: "user preferences",
  sql: (words) => `
    CREATE TABLE user_preferences (
      user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      value TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (user_id, name)
    ) ${words.withoutRowid};
  `,
};
