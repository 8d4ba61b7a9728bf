import type { Migration } from "./migration";

/**
 * Email the dashboard sends (lib/server/notifications): every message is kept,
 * one row per recipient, so admins read what went out or, without SMTP_URL
 * (the emulator's demo), what would have. sent_at is set once the SMTP server
 * took the message, error when it refused or couldn't be reached; neither
 * means it waits in the outbox. Kind is checked by the code.
 *
 * lead_digests records each day's digest to managers (day: yyyy-mm-dd in the
 * dealership's time zone), claimed by the first instance to write the row, so
 * a restart or a second instance can't send that day's again; its covered_until
 * is where the next digest starts.
 */
export const outboxMigration: Migration = {
  name: "the outbox of email and the managers' daily digests",
  sql: (words) => `
    CREATE TABLE outbox (
      id ${words.autoId},
      recipient TEXT NOT NULL,
      subject TEXT NOT NULL,
      text TEXT NOT NULL,
      html TEXT,
      kind TEXT NOT NULL,
      created_at TEXT ${words.binary} NOT NULL,
      sent_at TEXT,
      error TEXT
    );
    -- /settings/outbox, newest first.
    CREATE INDEX outbox_created ON outbox (created_at, id);

    CREATE TABLE lead_digests (
      day TEXT PRIMARY KEY,
      covered_from TEXT NOT NULL,
      covered_until TEXT ${words.binary} NOT NULL,
      new_leads INTEGER NOT NULL,
      price_drops INTEGER NOT NULL
    );
  `,
};
