import "server-only";
import type { Region } from "@/lib/recapture/regions";
import type { RegisteredUpload } from "@/lib/uploads/register-schemas";
import { db } from "./index";
import { inChunks } from "./in-list";
import type { SentPartRow } from "./sent-part-rows";

/**
 * The register of uploads (tables in lib/server/uploads/migration.ts), as rows.
 * Parts of one file share a batch; an upload sent in one piece, or tracked by
 * id, stands alone. A line of the register is either, keyed by `entry` below.
 * Parts the dashboard sent that have no upload id (still sending, not
 * confirmed, or their answer lost) join the line of their batch, or stand
 * alone under their own id.
 */

export interface UploadRow {
  id: string;
  region: Region;
  name: string | null;
  enable_rego_lookups: number;
  created_at: string;
  source: RegisteredUpload["source"];
  recorded_by_email: string | null;
  recorded_by_name: string | null;
  recorded_at: string;
  batch_id: number | null;
  part_number: number;
  total_uploaded: number;
  total_processed: number;
  total_errors: number;
  checked_at: string;
  cancelled_at: string | null;
  cancelled_by_email: string | null;
  cancelled_by_name: string | null;
}

/** The columns of a line's file, when its parts were grouped into one. */
export interface BatchColumns {
  batch_name: string | null;
  file_name: string | null;
  rows_in_file: number | null;
  rows_sent: number | null;
  rows_not_sent: number | null;
}

export interface LineUploadRow extends UploadRow, BatchColumns {
  entry: string;
}

export interface LineSentPartRow extends SentPartRow, BatchColumns {
  entry: string;
}

// `'batch:' || NULL` is NULL, so a standalone upload is its own entry.
const ENTRY = "COALESCE('batch:' || uploads.batch_id, uploads.id)";
const PART_ENTRY = "COALESCE('batch:' || sent_parts.batch_id, sent_parts.id)";

/** Every line's entry and when it was first recorded: uploads, and sent parts without an upload. */
const ENTRIES = `
  SELECT ${ENTRY} AS entry, uploads.recorded_at AS at FROM uploads
  UNION ALL
  SELECT ${PART_ENTRY} AS entry, sent_parts.sent_at AS at FROM sent_parts WHERE sent_parts.upload_id IS NULL`;

const SELECT_UNLINKED_PARTS = `
  SELECT sent_parts.*, ${PART_ENTRY} AS entry,
    upload_batches.name AS batch_name, upload_batches.file_name, upload_batches.rows_in_file,
    upload_batches.rows_sent, upload_batches.rows_not_sent
  FROM sent_parts LEFT JOIN upload_batches ON upload_batches.id = sent_parts.batch_id
  WHERE sent_parts.upload_id IS NULL`;

const SELECT_PARTS = `
  SELECT uploads.*, ${ENTRY} AS entry,
    upload_batches.name AS batch_name, upload_batches.file_name, upload_batches.rows_in_file,
    upload_batches.rows_sent, upload_batches.rows_not_sent
  FROM uploads LEFT JOIN upload_batches ON upload_batches.id = uploads.batch_id`;

/** The uploads (in part order) and sent parts without an upload of these entries' lines. */
export function selectLineRows(entries: readonly string[]): {
  uploads: LineUploadRow[];
  unlinked: LineSentPartRow[];
} {
  const database = db();
  const uploads = inChunks(
    entries,
    (chunk, placeholders) =>
      database
        .prepare(`${SELECT_PARTS} WHERE ${ENTRY} IN (${placeholders}) ORDER BY uploads.part_number`)
        .all(...chunk) as LineUploadRow[],
  );
  const unlinked = inChunks(
    entries,
    (chunk, placeholders) =>
      database
        .prepare(
          `${SELECT_UNLINKED_PARTS} AND ${PART_ENTRY} IN (${placeholders}) ORDER BY sent_parts.part_number, sent_parts.sent_at`,
        )
        .all(...chunk) as LineSentPartRow[],
  );
  return { uploads, unlinked };
}

/** The entry of the line holding an upload, or a part the dashboard sent (by its own id). */
export function selectEntryOf(id: string): string | undefined {
  const { entry } = db()
    .prepare(
      `SELECT COALESCE(
         (SELECT ${ENTRY} FROM uploads WHERE id = @id),
         (SELECT ${ENTRY} FROM sent_parts JOIN uploads ON uploads.id = sent_parts.upload_id WHERE sent_parts.id = @id),
         (SELECT ${PART_ENTRY} FROM sent_parts WHERE id = @id)
       ) AS entry`,
    )
    .get({ id }) as { entry: string | null };
  return entry ?? undefined;
}

export function selectUpload(uploadId: string): UploadRow | undefined {
  return db().prepare("SELECT * FROM uploads WHERE id = ?").get(uploadId) as UploadRow | undefined;
}

/** How many lines there are, and one page of their entries, newest first. */
export function selectEntriesPage({ page, pageSize }: { page: number; pageSize: number }): {
  total: number;
  entries: string[];
} {
  const database = db();
  const { total } = database.prepare(`SELECT COUNT(DISTINCT entry) AS total FROM (${ENTRIES})`).get() as {
    total: number;
  };
  const entries = database
    .prepare(
      `SELECT entry, MIN(at) AS first_recorded_at FROM (${ENTRIES})
       GROUP BY entry ORDER BY first_recorded_at DESC, entry DESC LIMIT ? OFFSET ?`,
    )
    .all(pageSize, (page - 1) * pageSize) as { entry: string }[];
  return { total, entries: entries.map(({ entry }) => entry) };
}

/** Uploads in a region that still have customers waiting, newest first. */
export function selectUnfinishedUploads(region: Region, limit: number): UploadRow[] {
  return db()
    .prepare(
      `SELECT * FROM uploads WHERE region = ? AND cancelled_at IS NULL AND total_processed < total_uploaded
       ORDER BY recorded_at DESC LIMIT ?`,
    )
    .all(region, limit) as UploadRow[];
}

export interface NewUploadRow {
  id: string;
  region: Region;
  name: string | null;
  enableRegoLookups: number;
  createdAt: string;
  source: RegisteredUpload["source"];
  userId: number | null;
  email: string | null;
  userName: string | null;
  recordedAt: string;
  at: string;
  uploaded: number;
  processed: number;
  errors: number;
}

/** False when the upload was already in the register (nothing is changed then). */
export function insertUpload(row: NewUploadRow): boolean {
  const inserted = db()
    .prepare(
      `INSERT INTO uploads (id, region, name, enable_rego_lookups, created_at, source,
         recorded_by_user_id, recorded_by_email, recorded_by_name, recorded_at,
         total_uploaded, total_processed, total_errors, checked_at)
       VALUES (@id, @region, @name, @enableRegoLookups, @createdAt, @source,
         @userId, @email, @userName, @recordedAt, @uploaded, @processed, @errors, @at)
       ON CONFLICT (id) DO NOTHING`,
    )
    .run(row);
  return inserted.changes > 0;
}

/** Counters only grow, so an answer that arrives late never takes them back. */
export function updateUploadCounters(counters: {
  id: string;
  uploaded: number;
  processed: number;
  errors: number;
  at: string;
}): void {
  db()
    .prepare(
      `UPDATE uploads SET
         total_uploaded = @uploaded,
         total_processed = CASE WHEN @processed > total_processed THEN @processed ELSE total_processed END,
         total_errors = CASE WHEN @errors > total_errors THEN @errors ELSE total_errors END,
         checked_at = @at
       WHERE id = @id`,
    )
    .run(counters);
}

/** The first cancellation is the one kept. */
export function updateUploadCancelled(
  uploadId: string,
  by: { id: number; email: string; name: string | null },
  at: string,
): void {
  db()
    .prepare(
      `UPDATE uploads SET cancelled_at = ?, cancelled_by_user_id = ?, cancelled_by_email = ?, cancelled_by_name = ?
       WHERE id = ? AND cancelled_at IS NULL`,
    )
    .run(at, by.id, by.email, by.name, uploadId);
}

export interface NewBatchRow {
  name: string;
  fileName: string;
  rowsInFile: number;
  rowsSent: number;
  rowsNotSent: number;
  notSentCsv: string | null;
  recordedAt: string;
}

/** A file's line, to which its parts are then joined; its id. */
export function insertBatch(batch: NewBatchRow): number {
  const { id } = db()
    .prepare(
      `INSERT INTO upload_batches (name, file_name, rows_in_file, rows_sent, rows_not_sent, not_sent_csv, recorded_at)
       VALUES (@name, @fileName, @rowsInFile, @rowsSent, @rowsNotSent, @notSentCsv, @recordedAt) RETURNING id`,
    )
    .get(batch) as { id: number };
  return id;
}

/** The file and rows not sent of the batch an upload id or part id belongs to. */
export function selectNotSentFile(
  id: string,
): { file_name: string; not_sent_csv: string | null } | undefined {
  return db()
    .prepare(
      `SELECT file_name, not_sent_csv FROM upload_batches WHERE id = COALESCE(
         (SELECT batch_id FROM uploads WHERE id = @id),
         (SELECT batch_id FROM sent_parts WHERE id = @id)
       )`,
    )
    .get({ id }) as { file_name: string; not_sent_csv: string | null } | undefined;
}
