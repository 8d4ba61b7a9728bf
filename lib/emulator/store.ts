import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";

/**
 * Everything the emulator keeps, in one SQLite database (a file that survives
 * restarts, or ":memory:"). Rows are scoped by account and region; an account
 * is a hash of its API key, so keys themselves never reach the disk.
 */

type UploadStatus = "queued" | "complete" | "cancelled";

export interface UploadRow {
  id: string;
  account: string;
  region: string;
  name: string;
  enable_rego_lookups: 0 | 1;
  monitor_start_date: string | null;
  monitor_end_date: string | null;
  created_at: string;
  total_uploaded_customers: number;
  total_processed_customers: number;
  total_errors: number;
  status: UploadStatus;
}

/** The customer fields a client can set; dates are ISO strings, additional_fields a JSON object. */
export interface CustomerFields {
  rego: string | null;
  state: string | null;
  vin: string | null;
  external_id: string | null;
  sale_date: string | null;
  monitor_start_date: string | null;
  monitor_end_date: string | null;
  vehicle_title: string | null;
  additional_fields: Record<string, unknown>;
}

export interface CustomerRow extends Omit<CustomerFields, "additional_fields"> {
  id: string;
  account: string;
  region: string;
  upload_id: string | null;
  /** JSON text of the additional_fields object. */
  additional_fields: string;
  /** When the emulator learned of the customer: monitoring cannot start earlier. */
  created_at: string;
  last_updated: string;
}

export interface SightingRow {
  at: string;
  lead_id: string;
  listing_url: string;
  listing_title: string;
  listing_price: number;
  seller_type: "private" | "dealer";
}

/** A control API change to one sighting: its price replaced (null: the market's) and/or taken down. */
export interface SightingChange {
  listing_price: number | null;
  taken_down: 0 | 1;
}
/** A listed customer with its place in the creation order. */
type ListedRow = CustomerRow & { seq: number };

interface QueuedCustomer {
  position: number;
  payload: string;
}

interface CustomerQuery {
  account: string;
  region: string;
  uploadId?: string;
  offset: number;
  limit: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS uploads (
  id TEXT PRIMARY KEY,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  name TEXT NOT NULL,
  enable_rego_lookups INTEGER NOT NULL,
  monitor_start_date TEXT,
  monitor_end_date TEXT,
  created_at TEXT NOT NULL,
  total_uploaded_customers INTEGER NOT NULL,
  total_processed_customers INTEGER NOT NULL DEFAULT 0,
  total_errors INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL
);
-- Raw customers of queued uploads, stored as received so that accepting an upload is one fast insert.
CREATE TABLE IF NOT EXISTS queued_customers (
  upload_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  payload TEXT NOT NULL,
  PRIMARY KEY (upload_id, position)
) WITHOUT ROWID;
-- seq gives the stable creation order that listing pages follow.
CREATE TABLE IF NOT EXISTS customers (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  upload_id TEXT,
  rego TEXT,
  state TEXT,
  vin TEXT,
  external_id TEXT,
  sale_date TEXT,
  monitor_start_date TEXT,
  monitor_end_date TEXT,
  vehicle_title TEXT,
  additional_fields TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_updated TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS customers_by_account ON customers (account, region, seq);
CREATE INDEX IF NOT EXISTS customers_by_upload ON customers (upload_id, seq) WHERE upload_id IS NOT NULL;
-- Holds all an upload's page needs to count and skip, so neither reads the customers themselves.
CREATE INDEX IF NOT EXISTS customers_by_account_upload ON customers (account, region, upload_id, seq);
-- Sightings triggered through the control API; simulated market sightings are computed, not stored.
CREATE TABLE IF NOT EXISTS sightings (
  customer_id TEXT NOT NULL,
  at TEXT NOT NULL,
  lead_id TEXT NOT NULL,
  listing_url TEXT NOT NULL,
  listing_title TEXT NOT NULL,
  listing_price INTEGER NOT NULL,
  seller_type TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sightings_by_customer ON sightings (customer_id);
-- Changes to a customer's sightings made through the control API: a new price, or taken down.
CREATE TABLE IF NOT EXISTS sighting_changes (
  customer_id TEXT NOT NULL,
  lead_id TEXT NOT NULL,
  listing_price INTEGER,
  taken_down INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (customer_id, lead_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rego_lookups (
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (account, region)
);
`;

const CUSTOMER_COLUMNS =
  "id, account, region, upload_id, rego, state, vin, external_id, sale_date, monitor_start_date, monitor_end_date, vehicle_title, additional_fields, created_at, last_updated";

/** Rows per INSERT statement when queueing: fewer round trips into SQLite, well under its 32,766-parameter limit. */
const QUEUE_INSERT_ROWS = 500;

export type Store = ReturnType<typeof openStore>;

export function openStore(path: string) {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  // Another process (the app's embedded emulator, `npm run emulator`) may share the file.
  db.pragma("busy_timeout = 5000");
  db.exec(SCHEMA);

  const queueValues = (rows: number) => Array.from({ length: rows }, () => "(?, ?, ?)").join(", ");
  const insertQueuedChunk = db.prepare(
    `INSERT INTO queued_customers (upload_id, position, payload) VALUES ${queueValues(QUEUE_INSERT_ROWS)}`,
  );
  const insertQueuedOne = db.prepare(
    "INSERT INTO queued_customers (upload_id, position, payload) VALUES (?, ?, ?)",
  );

  const statements = {
    insertUpload: db.prepare<UploadRow>(
      `INSERT INTO uploads (id, account, region, name, enable_rego_lookups, monitor_start_date, monitor_end_date, created_at,
         total_uploaded_customers, total_processed_customers, total_errors, status)
       VALUES (@id, @account, @region, @name, @enable_rego_lookups, @monitor_start_date, @monitor_end_date, @created_at,
         @total_uploaded_customers, @total_processed_customers, @total_errors, @status)`,
    ),
    getUpload: db.prepare<[string], UploadRow>("SELECT * FROM uploads WHERE id = ?"),
    oldestQueuedUpload: db.prepare<[], UploadRow>(
      "SELECT * FROM uploads WHERE status = 'queued' ORDER BY rowid LIMIT 1",
    ),
    hasQueuedUpload: db.prepare<[], { one: number }>(
      "SELECT 1 AS one FROM uploads WHERE status = 'queued' LIMIT 1",
    ),
    setUploadStatus: db.prepare<[UploadStatus, string]>("UPDATE uploads SET status = ? WHERE id = ?"),
    addUploadProgress: db.prepare<[number, number, string]>(
      "UPDATE uploads SET total_processed_customers = total_processed_customers + ?, total_errors = total_errors + ? WHERE id = ?",
    ),
    queuedBatch: db.prepare<[string, number], QueuedCustomer>(
      "SELECT position, payload FROM queued_customers WHERE upload_id = ? ORDER BY position LIMIT ?",
    ),
    deleteQueuedThrough: db.prepare<[string, number]>(
      "DELETE FROM queued_customers WHERE upload_id = ? AND position <= ?",
    ),
    deleteQueued: db.prepare<[string]>("DELETE FROM queued_customers WHERE upload_id = ?"),
    insertCustomer: db.prepare<CustomerRow>(
      `INSERT INTO customers (${CUSTOMER_COLUMNS}) VALUES (${CUSTOMER_COLUMNS.split(", ")
        .map((column) => `@${column}`)
        .join(", ")})`,
    ),
    getCustomer: db.prepare<[string], CustomerRow>(`SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE id = ?`),
    // A page's offset is skipped in the index alone (the subquery); only the page's own rows are read.
    listCustomers: db.prepare<[string, string, number, number, number], ListedRow>(
      `SELECT seq, ${CUSTOMER_COLUMNS} FROM customers WHERE seq IN
         (SELECT seq FROM customers WHERE account = ? AND region = ? AND seq >= ? ORDER BY seq LIMIT ? OFFSET ?)
       ORDER BY seq`,
    ),
    countCustomers: db.prepare<[string, string], { total: number }>(
      "SELECT count(*) AS total FROM customers WHERE account = ? AND region = ?",
    ),
    listUploadCustomers: db.prepare<[string, string, string, number, number, number], ListedRow>(
      `SELECT seq, ${CUSTOMER_COLUMNS} FROM customers WHERE seq IN
         (SELECT seq FROM customers INDEXED BY customers_by_account_upload
          WHERE upload_id = ? AND account = ? AND region = ? AND seq >= ? ORDER BY seq LIMIT ? OFFSET ?)
       ORDER BY seq`,
    ),
    countUploadCustomers: db.prepare<[string, string, string], { total: number }>(
      `SELECT count(*) AS total FROM customers INDEXED BY customers_by_account_upload
       WHERE upload_id = ? AND account = ? AND region = ?`,
    ),
    updateCustomer: db.prepare(
      `UPDATE customers SET external_id = @external_id, sale_date = @sale_date, monitor_start_date = @monitor_start_date,
         monitor_end_date = @monitor_end_date, additional_fields = @additional_fields, last_updated = @last_updated
       WHERE id = @id`,
    ),
    deleteCustomer: db.prepare<[string]>("DELETE FROM customers WHERE id = ?"),
    deleteSightings: db.prepare<[string]>("DELETE FROM sightings WHERE customer_id = ?"),
    deleteSightingChanges: db.prepare<[string]>("DELETE FROM sighting_changes WHERE customer_id = ?"),
    changeSightingPrice: db.prepare<[string, string, number]>(
      `INSERT INTO sighting_changes (customer_id, lead_id, listing_price) VALUES (?, ?, ?)
       ON CONFLICT (customer_id, lead_id) DO UPDATE SET listing_price = excluded.listing_price`,
    ),
    setSightingTakenDown: db.prepare<[string, string, number]>(
      `INSERT INTO sighting_changes (customer_id, lead_id, taken_down) VALUES (?, ?, ?)
       ON CONFLICT (customer_id, lead_id) DO UPDATE SET taken_down = excluded.taken_down`,
    ),
    insertSighting: db.prepare<SightingRow & { customer_id: string }>(
      `INSERT INTO sightings (customer_id, at, lead_id, listing_url, listing_title, listing_price, seller_type)
       VALUES (@customer_id, @at, @lead_id, @listing_url, @listing_title, @listing_price, @seller_type)`,
    ),
    addLookups: db.prepare<[string, string, number]>(
      `INSERT INTO rego_lookups (account, region, count) VALUES (?, ?, ?)
       ON CONFLICT (account, region) DO UPDATE SET count = count + excluded.count`,
    ),
    lookupCounts: db.prepare<[], { account: string; region: string; count: number }>(
      "SELECT account, region, count FROM rego_lookups ORDER BY account, region",
    ),
    // Change marks: other connections' commits (another process sharing the file), and this one's own writes.
    dataVersion: db.prepare<[], number>("PRAGMA data_version").pluck(),
    totalChanges: db.prepare<[], number>("SELECT total_changes()").pluck(),
    hasData: db.prepare<[string, string, string, string], { one: number }>(
      `SELECT 1 AS one WHERE EXISTS (SELECT 1 FROM customers WHERE account = ? AND region = ?)
         OR EXISTS (SELECT 1 FROM uploads WHERE account = ? AND region = ?)`,
    ),
  };

  /**
   * A client reading a long list page by page would have each page count the
   * whole list and skip its offset from the start again, so a page deep into
   * a million customers cost a thousand times one near the start. While the
   * database hasn't changed, the list's total and where its last page ended
   * are remembered, and a later page skips on from there: the same answers,
   * at the cost of the page's own rows.
   */
  let lastPage: { list: string; changes: string; total: number; offset: number; seq: number } | undefined;

  function listCustomers(query: CustomerQuery): { total: number; customers: CustomerRow[] } {
    const { account, region, uploadId, offset, limit } = query;
    const list = JSON.stringify([account, region, uploadId ?? null]);
    const changes = `${statements.dataVersion.get()}:${statements.totalChanges.get()}`;
    const known = lastPage?.list === list && lastPage.changes === changes ? lastPage : undefined;
    const total =
      known?.total ??
      (uploadId === undefined
        ? statements.countCustomers.get(account, region)
        : statements.countUploadCustomers.get(uploadId, account, region)
      )?.total ??
      0;
    const from = known && offset >= known.offset ? known : { offset: 0, seq: 0 };
    const rows =
      uploadId === undefined
        ? statements.listCustomers.all(account, region, from.seq, limit, offset - from.offset)
        : statements.listUploadCustomers.all(
            uploadId,
            account,
            region,
            from.seq,
            limit,
            offset - from.offset,
          );
    const last = rows.at(-1);
    lastPage = last
      ? { list, changes, total, offset: offset + rows.length - 1, seq: last.seq }
      : { list, changes, total, ...from };
    return { total, customers: rows };
  }

  function sightingsFor(customerIds: readonly string[]): Map<string, SightingRow[]> {
    const found = new Map<string, SightingRow[]>();
    if (customerIds.length === 0) return found;
    const rows = db
      .prepare<string[], SightingRow & { customer_id: string }>(
        `SELECT customer_id, at, lead_id, listing_url, listing_title, listing_price, seller_type
         FROM sightings WHERE customer_id IN (${customerIds.map(() => "?").join(", ")}) ORDER BY at, rowid`,
      )
      .all(...customerIds);
    for (const { customer_id, ...sighting } of rows) {
      found.set(customer_id, [...(found.get(customer_id) ?? []), sighting]);
    }
    return found;
  }

  function sightingChangesFor(customerIds: readonly string[]): Map<string, Map<string, SightingChange>> {
    const found = new Map<string, Map<string, SightingChange>>();
    if (customerIds.length === 0) return found;
    const rows = db
      .prepare<string[], SightingChange & { customer_id: string; lead_id: string }>(
        `SELECT customer_id, lead_id, listing_price, taken_down
         FROM sighting_changes WHERE customer_id IN (${customerIds.map(() => "?").join(", ")})`,
      )
      .all(...customerIds);
    for (const { customer_id, lead_id, ...change } of rows) {
      const changes = found.get(customer_id) ?? new Map<string, SightingChange>();
      found.set(customer_id, changes.set(lead_id, change));
    }
    return found;
  }

  return {
    /** Runs `work` in one write transaction, taken up front so two processes never claim the same queued rows. */
    transaction<T>(work: () => T): T {
      return db.transaction(work).immediate();
    },

    queueUpload(upload: UploadRow, payloads: readonly string[]) {
      db.transaction(() => {
        statements.insertUpload.run(upload);
        let position = 0;
        for (; position + QUEUE_INSERT_ROWS <= payloads.length; position += QUEUE_INSERT_ROWS) {
          const params: (string | number)[] = [];
          for (let i = position; i < position + QUEUE_INSERT_ROWS; i++)
            params.push(upload.id, i, payloads[i] as string);
          insertQueuedChunk.run(params);
        }
        for (; position < payloads.length; position++)
          insertQueuedOne.run(upload.id, position, payloads[position]);
      }).immediate();
    },
    insertUpload: (upload: UploadRow) => statements.insertUpload.run(upload),
    getUpload: (id: string) => statements.getUpload.get(id),
    oldestQueuedUpload: () => statements.oldestQueuedUpload.get(),
    hasQueuedUpload: () => statements.hasQueuedUpload.get() !== undefined,
    setUploadStatus: (id: string, status: UploadStatus) => statements.setUploadStatus.run(status, id),
    addUploadProgress: (id: string, processed: number, errors: number) =>
      statements.addUploadProgress.run(processed, errors, id),
    queuedBatch: (uploadId: string, limit: number) => statements.queuedBatch.all(uploadId, limit),
    deleteQueuedThrough: (uploadId: string, position: number) =>
      statements.deleteQueuedThrough.run(uploadId, position),
    cancelUpload(id: string) {
      db.transaction(() => {
        statements.deleteQueued.run(id);
        statements.setUploadStatus.run("cancelled", id);
      }).immediate();
    },

    insertCustomer: (customer: CustomerRow) => statements.insertCustomer.run(customer),
    getCustomer: (id: string) => statements.getCustomer.get(id),
    listCustomers,
    /** Saves the fields a PATCH may change, and last_updated. */
    updateCustomer(row: CustomerRow) {
      const {
        id,
        external_id,
        sale_date,
        monitor_start_date,
        monitor_end_date,
        additional_fields,
        last_updated,
      } = row;
      statements.updateCustomer.run({
        id,
        external_id,
        sale_date,
        monitor_start_date,
        monitor_end_date,
        additional_fields,
        last_updated,
      });
    },
    deleteCustomer(id: string) {
      db.transaction(() => {
        statements.deleteSightings.run(id);
        statements.deleteSightingChanges.run(id);
        statements.deleteCustomer.run(id);
      })();
    },

    insertSighting: (customerId: string, sighting: SightingRow) =>
      statements.insertSighting.run({ customer_id: customerId, ...sighting }),
    sightingsFor,
    sightingChangesFor,
    changeSightingPrice: (customerId: string, leadId: string, price: number) =>
      statements.changeSightingPrice.run(customerId, leadId, price),
    setSightingTakenDown: (customerId: string, leadId: string, takenDown: boolean) =>
      statements.setSightingTakenDown.run(customerId, leadId, takenDown ? 1 : 0),

    addLookups: (account: string, region: string, count: number) =>
      statements.addLookups.run(account, region, count),
    lookupCounts: () => statements.lookupCounts.all(),

    hasData: (account: string, region: string) =>
      statements.hasData.get(account, region, account, region) !== undefined,

    /** Forgets every account's data (control API). */
    reset() {
      db.transaction(() => {
        for (const table of [
          "uploads",
          "queued_customers",
          "customers",
          "sightings",
          "sighting_changes",
          "rego_lookups",
        ])
          db.exec(`DELETE FROM ${table}`);
      })();
    },

    close: () => db.close(),
  };
}
