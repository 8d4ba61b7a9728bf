import type { Migration } from "./migration";

/**
 * The register of uploads: the Recapture API has no "list uploads" endpoint,
 * so every upload made (or tracked) through the dashboard is kept here with
 * the counters it last reported and who cancelled it, which the API never says.
 */
export const uploadsRegisterMigration: Migration = {
  name: "the register of uploads",
  sql: (words) => `
    -- One file from the wizard, sent as one or more uploads ("parts").
    CREATE TABLE upload_batches (
      id ${words.autoId},
      name TEXT NOT NULL,
      file_name TEXT NOT NULL,
      rows_in_file INTEGER NOT NULL,
      rows_sent INTEGER NOT NULL,
      rows_not_sent INTEGER NOT NULL,
      -- Kept whole so the rows not sent can be downloaded from any computer, any day.
      not_sent_csv TEXT,
      recorded_at TEXT NOT NULL
    );

    -- The person's email and name are copied so the register reads the same after an account changes.
    CREATE TABLE uploads (
      id TEXT PRIMARY KEY,
      region TEXT NOT NULL,
      name TEXT,
      enable_rego_lookups INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('dashboard', 'tracked')),
      recorded_by_user_id INTEGER,
      recorded_by_email TEXT,
      recorded_by_name TEXT,
      recorded_at TEXT NOT NULL,
      batch_id INTEGER REFERENCES upload_batches (id),
      part_number INTEGER NOT NULL DEFAULT 1,
      total_uploaded INTEGER NOT NULL,
      total_processed INTEGER NOT NULL,
      total_errors INTEGER NOT NULL,
      checked_at TEXT NOT NULL,
      cancelled_at TEXT,
      cancelled_by_user_id INTEGER,
      cancelled_by_email TEXT,
      cancelled_by_name TEXT
    );
    CREATE INDEX uploads_batch_id ON uploads (batch_id, part_number);
    CREATE INDEX uploads_recorded_at ON uploads (recorded_at DESC, id DESC);
  `,
};

/**
 * In emulator mode the register starts with the emulator's demo uploads, so the
 * uploads page and the customers' upload picker show the history the demo
 * customers came from. SQLite can't alter a CHECK, so the table is rebuilt.
 */
export const demoUploadsMigration: Migration = {
  name: "demo uploads in the register",
  sql: () => `
    CREATE TABLE uploads_with_demo (
      id TEXT PRIMARY KEY,
      region TEXT NOT NULL,
      name TEXT,
      enable_rego_lookups INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('dashboard', 'tracked', 'demo')),
      recorded_by_user_id INTEGER,
      recorded_by_email TEXT,
      recorded_by_name TEXT,
      recorded_at TEXT NOT NULL,
      batch_id INTEGER REFERENCES upload_batches (id),
      part_number INTEGER NOT NULL DEFAULT 1,
      total_uploaded INTEGER NOT NULL,
      total_processed INTEGER NOT NULL,
      total_errors INTEGER NOT NULL,
      checked_at TEXT NOT NULL,
      cancelled_at TEXT,
      cancelled_by_user_id INTEGER,
      cancelled_by_email TEXT,
      cancelled_by_name TEXT
    );
    INSERT INTO uploads_with_demo SELECT * FROM uploads;
    DROP TABLE uploads;
    ALTER TABLE uploads_with_demo RENAME TO uploads;
    CREATE INDEX uploads_batch_id ON uploads (batch_id, part_number);
    CREATE INDEX uploads_recorded_at ON uploads (recorded_at DESC, id DESC);
  `,
};

/**
 * Parts the dashboard sends, recorded before each request leaves, so a part
 * whose answer never came (a timeout, a lost connection, a restart) is known
 * and checked instead of being sent twice. `id` is the part's own id, also
 * written into each of its customers; `answer_due_by` is when the request
 * that sent it is over at the latest. Names already longer than the new limit
 * are cut to it, so no register line carries megabytes again.
 */
export const sentPartsMigration: Migration = {
  name: "parts recorded before they are sent",
  sql: () => `
    CREATE TABLE sent_parts (
      id TEXT PRIMARY KEY,
      region TEXT NOT NULL,
      name TEXT NOT NULL,
      customers INTEGER NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('sending', 'queued', 'not_confirmed', 'arrived', 'not_arrived')),
      reason TEXT,
      finding TEXT,
      customers_found INTEGER,
      upload_id TEXT UNIQUE REFERENCES uploads (id),
      batch_id INTEGER REFERENCES upload_batches (id),
      part_number INTEGER NOT NULL DEFAULT 1,
      sent_by_user_id INTEGER NOT NULL,
      sent_by_email TEXT NOT NULL,
      sent_by_name TEXT,
      sent_at TEXT NOT NULL,
      answer_due_by TEXT NOT NULL,
      checked_at TEXT
    );
    CREATE INDEX sent_parts_batch_id ON sent_parts (batch_id, part_number);
    CREATE INDEX sent_parts_unlinked ON sent_parts (sent_at DESC) WHERE upload_id IS NULL;

    UPDATE uploads SET name = substr(name, 1, 200) WHERE length(name) > 200;
    UPDATE upload_batches SET name = substr(name, 1, 200) WHERE length(name) > 200;
  `,
};
