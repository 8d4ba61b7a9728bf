import "server-only";
import type { Region } from "@/lib/recapture/regions";
import type { Upload } from "@/lib/recapture/schemas";
import type { SessionUser } from "@/lib/server/auth/sessions";
import { db } from "@/lib/server/db";
import { HttpError } from "@/lib/server/http/errors";
import type {
  Person,
  RecordBatchRequest,
  RegisteredUpload,
  UploadPart,
} from "@/lib/uploads/register-schemas";

/**
 * The register of uploads (tables in ./migration.ts). Parts of one file share
 * a batch; an upload sent in one piece, or tracked by id, stands alone. A line
 * of the register is either, keyed by `entry` below.
 */

interface UploadRow {
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

interface PartRow extends UploadRow {
  entry: string;
  batch_name: string | null;
  file_name: string | null;
  rows_in_file: number | null;
  rows_sent: number | null;
  rows_not_sent: number | null;
}

// `'batch:' || NULL` is NULL, so a standalone upload is its own entry.
const ENTRY = "COALESCE('batch:' || uploads.batch_id, uploads.id)";

const SELECT_PARTS = `
  SELECT uploads.*, ${ENTRY} AS entry,
    upload_batches.name AS batch_name, upload_batches.file_name, upload_batches.rows_in_file,
    upload_batches.rows_sent, upload_batches.rows_not_sent
  FROM uploads LEFT JOIN upload_batches ON upload_batches.id = uploads.batch_id`;

const person = (email: string | null, name: string | null): Person | null =>
  email === null ? null : { email, name };

function toPart(row: UploadRow): UploadPart {
  return {
    id: row.id,
    name: row.name,
    region: row.region,
    partNumber: row.part_number,
    enableRegoLookups: row.enable_rego_lookups === 1,
    createdAt: row.created_at,
    totalUploaded: row.total_uploaded,
    totalProcessed: row.total_processed,
    totalErrors: row.total_errors,
    checkedAt: row.checked_at,
    cancelledAt: row.cancelled_at,
    cancelledBy: person(row.cancelled_by_email, row.cancelled_by_name),
  };
}

/** One register line from its parts, already in part order. */
function toRegisteredUpload(rows: PartRow[]): RegisteredUpload {
  const [first] = rows;
  if (!first) throw new Error("A register line needs at least one upload");
  return {
    id: first.id,
    name: first.batch_name ?? first.name,
    source: first.source,
    recordedBy: person(first.recorded_by_email, first.recorded_by_name),
    recordedAt: first.recorded_at,
    file:
      first.file_name === null
        ? null
        : {
            name: first.file_name,
            rowsInFile: first.rows_in_file ?? 0,
            rowsSent: first.rows_sent ?? 0,
            rowsNotSent: first.rows_not_sent ?? 0,
          },
    parts: rows.map(toPart),
  };
}

/** The register line holding an upload (all parts of its file), or undefined when it isn't registered. */
export function findRegisteredUpload(uploadId: string): RegisteredUpload | undefined {
  const rows = db()
    .prepare(
      `${SELECT_PARTS} WHERE ${ENTRY} = (SELECT ${ENTRY} FROM uploads WHERE id = ?) ORDER BY uploads.part_number`,
    )
    .all(uploadId) as PartRow[];
  return rows.length > 0 ? toRegisteredUpload(rows) : undefined;
}

/** Newest first, a line per file (or standalone upload), each with the counters last seen. */
export function listRegisteredUploads({ page, pageSize }: { page: number; pageSize: number }): {
  total: number;
  uploads: RegisteredUpload[];
} {
  const database = db();
  const { total } = database.prepare(`SELECT COUNT(DISTINCT ${ENTRY}) AS total FROM uploads`).get() as {
    total: number;
  };
  const entries = database
    .prepare(
      `SELECT ${ENTRY} AS entry, MIN(uploads.recorded_at) AS first_recorded_at FROM uploads
       GROUP BY entry ORDER BY first_recorded_at DESC, entry DESC LIMIT ? OFFSET ?`,
    )
    .all(pageSize, (page - 1) * pageSize) as { entry: string }[];
  if (entries.length === 0) return { total, uploads: [] };

  const keys = entries.map(({ entry }) => entry);
  const rows = database
    .prepare(
      `${SELECT_PARTS} WHERE ${ENTRY} IN (${keys.map(() => "?").join(", ")}) ORDER BY uploads.part_number`,
    )
    .all(...keys) as PartRow[];
  return { total, uploads: keys.map((key) => toRegisteredUpload(rows.filter((row) => row.entry === key))) };
}

/**
 * Records an upload the API has just accepted (`dashboard`) or that someone
 * asked to follow (`tracked`). An upload already in the register keeps its
 * history; only its counters are refreshed.
 */
export function recordUpload(
  upload: Upload,
  context: { region: Region; user: SessionUser; source: "dashboard" | "tracked" },
  now = new Date(),
): RegisteredUpload {
  insertUpload(upload, context, now);
  return findRegisteredUpload(upload.id)!;
}

/**
 * The emulator's demo uploads (see lib/server/recapture.ts): history from before the
 * dashboard, so recorded by nobody at the time each was created. Ones already in the
 * register are only refreshed.
 */
export function recordDemoUploads(uploads: readonly Upload[], region: Region, now = new Date()): void {
  const database = db();
  database.transaction(() => {
    for (const upload of uploads) {
      insertUpload(upload, { region, user: null, source: "demo", recordedAt: upload.created_at }, now);
    }
  })();
}

function insertUpload(
  upload: Upload,
  context: {
    region: Region;
    user: SessionUser | null;
    source: RegisteredUpload["source"];
    recordedAt?: string;
  },
  now: Date,
): void {
  const at = now.toISOString();
  const inserted = db()
    .prepare(
      `INSERT INTO uploads (id, region, name, enable_rego_lookups, created_at, source,
         recorded_by_user_id, recorded_by_email, recorded_by_name, recorded_at,
         total_uploaded, total_processed, total_errors, checked_at)
       VALUES (@id, @region, @name, @enableRegoLookups, @createdAt, @source,
         @userId, @email, @userName, @recordedAt, @uploaded, @processed, @errors, @at)
       ON CONFLICT (id) DO NOTHING`,
    )
    .run({
      id: upload.id,
      region: context.region,
      name: upload.name,
      enableRegoLookups: Number(upload.enable_rego_lookups),
      createdAt: upload.created_at,
      source: context.source,
      userId: context.user?.id ?? null,
      email: context.user?.email ?? null,
      userName: context.user?.name ?? null,
      recordedAt: context.recordedAt ?? at,
      at,
      uploaded: upload.total_uploaded_customers,
      processed: upload.total_processed_customers,
      errors: upload.total_errors,
    });
  if (inserted.changes === 0) recordProgress(upload, now);
}

/**
 * For the proxy right after the API accepted an upload. A register failure is
 * logged rather than answered: the upload is already queued upstream, and an
 * error would make the wizard send it a second time. It can still be tracked by id.
 */
export function recordSentUpload(upload: Upload, context: { region: Region; user: SessionUser }): void {
  try {
    recordUpload(upload, { ...context, source: "dashboard" });
  } catch (error) {
    console.error(`Could not record upload ${upload.id} in the register:`, error);
  }
}

/**
 * Keeps the counters the API last reported, so the register and a reload show
 * them without asking again. Counters only grow, so an answer that arrives
 * late (a poll overtaken by a cancel) never takes them back.
 */
export function recordProgress(upload: Upload, now = new Date()): void {
  db()
    .prepare(
      `UPDATE uploads SET
         total_uploaded = @uploaded,
         total_processed = CASE WHEN @processed > total_processed THEN @processed ELSE total_processed END,
         total_errors = CASE WHEN @errors > total_errors THEN @errors ELSE total_errors END,
         checked_at = @at
       WHERE id = @id`,
    )
    .run({
      id: upload.id,
      uploaded: upload.total_uploaded_customers,
      processed: upload.total_processed_customers,
      errors: upload.total_errors,
      at: now.toISOString(),
    });
}

/**
 * The API's answer to a cancel carries the counters at that moment; after it
 * the counters simply stop, so only the register can say "cancelled". The
 * first cancellation is the one kept.
 */
export function recordCancellation(upload: Upload, user: SessionUser, now = new Date()): void {
  const database = db();
  database.transaction(() => {
    recordProgress(upload, now);
    database
      .prepare(
        `UPDATE uploads SET cancelled_at = ?, cancelled_by_user_id = ?, cancelled_by_email = ?, cancelled_by_name = ?
         WHERE id = ? AND cancelled_at IS NULL`,
      )
      .run(now.toISOString(), user.id, user.email, user.name, upload.id);
  })();
}

/**
 * Groups the parts the wizard sent into one register line with the file's
 * counts and its rows not sent. Sending the same batch again (a retry after a
 * lost answer) returns the line already recorded.
 */
export function recordBatch(batch: RecordBatchRequest, now = new Date()): RegisteredUpload {
  const database = db();
  return database.transaction(() => {
    const placeholders = batch.uploadIds.map(() => "?").join(", ");
    const rows = database
      .prepare(`SELECT id, batch_id, total_uploaded FROM uploads WHERE id IN (${placeholders})`)
      .all(...batch.uploadIds) as Pick<UploadRow, "id" | "batch_id" | "total_uploaded">[];

    const missing = batch.uploadIds.filter((id) => !rows.some((row) => row.id === id));
    if (missing.length > 0) {
      throw new HttpError(
        422,
        "unknown_upload",
        `Upload ${missing[0]} isn't in the register: send each part through the dashboard first.`,
        {
          uploadIds: "Unknown upload",
        },
      );
    }
    const batchIds = new Set(rows.map((row) => row.batch_id));
    if (batchIds.size === 1 && !batchIds.has(null)) return findRegisteredUpload(batch.uploadIds[0]!)!;
    if (rows.some((row) => row.batch_id !== null)) {
      throw new HttpError(
        409,
        "already_recorded",
        "Some of these uploads are already recorded as parts of another file.",
      );
    }
    const customers = rows.reduce((sum, row) => sum + row.total_uploaded, 0);
    if (customers !== batch.sent) {
      throw new HttpError(
        422,
        "counts_mismatch",
        `The parts hold ${customers} customers, but the file's counts say ${batch.sent} were sent.`,
        { sent: "Doesn't match the parts" },
      );
    }

    const { id: batchId } = database
      .prepare(
        `INSERT INTO upload_batches (name, file_name, rows_in_file, rows_sent, rows_not_sent, not_sent_csv, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .get(
        batch.name,
        batch.fileName,
        batch.rowsInFile,
        batch.sent,
        batch.notSent,
        batch.notSentCsv ?? null,
        now.toISOString(),
      ) as {
      id: number;
    };
    const join = database.prepare("UPDATE uploads SET batch_id = ?, part_number = ? WHERE id = ?");
    batch.uploadIds.forEach((id, index) => join.run(batchId, index + 1, id));
    return findRegisteredUpload(batch.uploadIds[0]!)!;
  })();
}

/** The rows the wizard did not send for the file an upload came from, or undefined when there are none. */
export function findNotSentFile(uploadId: string): { fileName: string; csv: string } | undefined {
  const row = db()
    .prepare(
      `SELECT upload_batches.file_name, upload_batches.not_sent_csv FROM uploads
       JOIN upload_batches ON upload_batches.id = uploads.batch_id WHERE uploads.id = ?`,
    )
    .get(uploadId) as { file_name: string; not_sent_csv: string | null } | undefined;
  return row?.not_sent_csv ? { fileName: row.file_name, csv: row.not_sent_csv } : undefined;
}
