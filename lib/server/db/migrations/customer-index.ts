import type { Migration } from "./migration";

/**
 * The customer index: the dashboard's copy of every customer and sighting,
 * kept in step with the Recapture API by the sync (lib/server/customer-index),
 * because the API pages only by offset and upload and can't search, filter or
 * sort. Each customer has an integer `key` so its sightings and search terms
 * stay small; each sort has an index whose empty values come first, so one
 * index serves both directions on both engines.
 */
export const customerIndexMigration: Migration = {
  name: "the customer index and its sync",
  sql: (words) => `
    -- upload_id: the upload the customer came from, which the API's records don't say, found by walking each
    -- upload's customers (upload_pass: the pass whose walk found it there). fingerprint: of the API's record,
    -- so a pass rewrites only what changed. indexed_at: when the row was last written by anyone.
    CREATE TABLE indexed_customers (
      key ${words.autoId},
      region TEXT NOT NULL,
      id TEXT ${words.binary} NOT NULL,
      rego TEXT,
      rego_normalised TEXT ${words.binary},
      state TEXT ${words.binary},
      vin TEXT,
      external_id TEXT,
      upload_id TEXT ${words.binary},
      sale_date TEXT ${words.binary},
      monitor_start_date TEXT ${words.binary},
      monitor_end_date TEXT ${words.binary},
      vehicle_title TEXT,
      additional_fields TEXT,
      last_updated TEXT ${words.binary} NOT NULL,
      sightings INTEGER NOT NULL,
      newest_sighting_at TEXT ${words.binary},
      newest_seller_type TEXT,
      fingerprint TEXT NOT NULL,
      upload_pass INTEGER,
      indexed_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX indexed_customers_id ON indexed_customers (region, id);
    CREATE INDEX indexed_customers_newest_sighting
      ON indexed_customers (region, newest_sighting_at ${words.nullsFirst}, key);
    CREATE INDEX indexed_customers_sale_date ON indexed_customers (region, sale_date ${words.nullsFirst}, key);
    CREATE INDEX indexed_customers_rego ON indexed_customers (region, rego_normalised ${words.nullsFirst}, key);
    CREATE INDEX indexed_customers_last_updated ON indexed_customers (region, last_updated ${words.nullsFirst}, key);
    CREATE INDEX indexed_customers_state ON indexed_customers (region, state);
    CREATE INDEX indexed_customers_upload ON indexed_customers (region, upload_id, state);

    -- The last sync pass whose walk of the whole list read each customer: a complete pass removes those it
    -- didn't read. Every pass marks every customer, so the mark is a narrow row of its own (and PostgreSQL
    -- leaves room in each page to update it in place) rather than a rewrite of the customer's.
    CREATE TABLE indexed_customer_reads (
      customer_key INTEGER PRIMARY KEY,
      pass INTEGER NOT NULL
    ) ${words.roomForUpdates};

    CREATE TABLE indexed_sightings (
      lead_id TEXT PRIMARY KEY,
      customer_key INTEGER NOT NULL,
      at TEXT NOT NULL,
      listing_url TEXT,
      listing_title TEXT,
      listing_price DOUBLE PRECISION,
      seller_type TEXT
    );
    CREATE INDEX indexed_sightings_customer ON indexed_sightings (customer_key, at);

    -- Lower-cased words a customer is found by: rego (letters and digits only), VIN, external id, and each
    -- additional field's value whole, word by word and run together. A search is a prefix range on term.
    CREATE TABLE indexed_customer_terms (
      region TEXT NOT NULL,
      term TEXT ${words.binary} NOT NULL,
      customer_key INTEGER NOT NULL,
      PRIMARY KEY (region, term, customer_key)
    ) ${words.withoutRowid};
    CREATE INDEX indexed_customer_terms_customer ON indexed_customer_terms (customer_key);

    -- Customers deleted through the dashboard, so a page read before the delete can't bring them back;
    -- forgotten once a complete pass that started after the delete has finished.
    CREATE TABLE indexed_customer_deletions (
      region TEXT NOT NULL,
      id TEXT NOT NULL,
      deleted_at TEXT NOT NULL,
      PRIMARY KEY (region, id)
    );

    -- Uploads whose customers the sync tags with the upload: walked each pass until one walk made after the
    -- upload finished processing has found them all.
    CREATE TABLE indexed_uploads (
      region TEXT NOT NULL,
      upload_id TEXT NOT NULL,
      noted_at TEXT NOT NULL,
      walked_at TEXT,
      finished INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (region, upload_id)
    );

    -- Where each region's sync stands. pass: the latest pass started; complete_pass and completed_at:
    -- the latest that read the whole list (null until one has). heartbeat_at: a running pass's last sign
    -- of life. requested_at: "sync soon" (Sync now, an upload finished), from any instance.
    CREATE TABLE customer_sync (
      region TEXT PRIMARY KEY,
      status TEXT NOT NULL CHECK (status IN ('idle', 'running', 'failed', 'interrupted')),
      pass INTEGER NOT NULL,
      started_at TEXT,
      heartbeat_at TEXT,
      finished_at TEXT,
      complete_pass INTEGER,
      completed_at TEXT,
      customers_done INTEGER NOT NULL DEFAULT 0,
      customers_total INTEGER,
      last_error TEXT,
      failed_at TEXT,
      retry_at TEXT,
      failures INTEGER NOT NULL DEFAULT 0,
      requested_at TEXT
    );
  `,
};
