import "server-only";
import type { Region } from "@/lib/recapture/regions";
import type { Upload } from "@/lib/recapture/schemas";
import { UPLOAD_NAME_MAX_LENGTH } from "@/lib/recapture/upload-name";
import type { SessionUser } from "@/lib/server/auth/sessions";
import { db } from "@/lib/server/db";
import { inChunks } from "@/lib/server/db/in-list";
import {
  joinSentPartsToBatch,
  selectSentParts,
  toSentPart,
  type SentPartRow,
} from "@/lib/server/db/sent-parts";
import { DomainError } from "@/lib/server/domain-error";
import type {
  Person,
  RecordBatchRequest,
  RegisteredUpload,
  UploadPart,
} from "@/lib/uploads/register-schemas";

/**
 * The register of uploads (tables in ./migration.ts). Parts of one file share
 * a batch; an upload sent in one piece, or tracked by id, stands alone. A line
 * of the register is either, keyed by `entry` below. Parts the dashboard sent
 * that have no upload id (still sending, not confirmed, or their answer lost)
 * join the line of their batch, or stand alone under their own id.
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
const PART_ENTRY = "COALESCE('batch:' || sent_parts.batch_id, sent_parts.id)";

/** Every line's entry and when it was first recorded: uploads, and sent parts without an upload. */
const ENTRIES = `
  SELECT ${ENTRY} AS entry, uploads.recorded_at AS at FROM uploads
  UNION ALL
  SELECT ${PART_ENTRY} AS entry, sent_parts.sent_at AS at FROM sent_parts WHERE sent_parts.upload_id IS NULL`;

interface UnlinkedPartRow extends SentPartRow {
  entry: string;
  batch_name: string | null;
  file_name: string | null;
  rows_in_file: number | null;
  rows_sent: number | null;
  rows_not_sent: number | null;
}

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

type BatchColumns = Pick<
  PartRow,
  "batch_name" | "file_name" | "rows_in_file" | "rows_sent" | "rows_not_sent"
>;

function fileOf(row: BatchColumns): RegisteredUpload["file"] {
  return row.file_name === null
    ? null
    : {
        name: row.file_name,
        rowsInFile: row.rows_in_file ?? 0,
        rowsSent: row.rows_sent ?? 0,
        rowsNotSent: row.rows_not_sent ?? 0,
      };
}

/** One register line from its uploads and its sent parts without one, each already in part order. */
function toRegisteredUpload(rows: PartRow[], unlinked: UnlinkedPartRow[]): RegisteredUpload {
  const [first] = rows;
  const sentParts = unlinked.map(toSentPart);
  if (first) {
    const sentAt = unlinked.map((part) => part.sent_at);
    return {
      id: first.id,
      name: first.batch_name ?? first.name,
      source: first.source,
      recordedBy: person(first.recorded_by_email, first.recorded_by_name),
      recordedAt: [first.recorded_at, ...sentAt].sort()[0]!,
      file: fileOf(first),
      parts: rows.map(toPart),
      sentParts,
    };
  }
  const [part] = unlinked;
  if (!part) throw new Error("A register line needs at least one upload or sent part");
  return {
    id: part.id,
    name: part.batch_name ?? part.name,
    source: "dashboard",
    recordedBy: { email: part.sent_by_email, name: part.sent_by_name },
    recordedAt: unlinked.map((row) => row.sent_at).sort()[0]!,
    file: fileOf(part),
    parts: [],
    sentParts,
  };
}

/** The lines of these entries, in the order given. */
function linesOf(entries: readonly string[]): RegisteredUpload[] {
  const database = db();
  const rows = inChunks(
    entries,
    (chunk, placeholders) =>
      database
        .prepare(`${SELECT_PARTS} WHERE ${ENTRY} IN (${placeholders}) ORDER BY uploads.part_number`)
        .all(...chunk) as PartRow[],
  );
  const unlinked = inChunks(
    entries,
    (chunk, placeholders) =>
      database
        .prepare(
          `${SELECT_UNLINKED_PARTS} AND ${PART_ENTRY} IN (${placeholders}) ORDER BY sent_parts.part_number, sent_parts.sent_at`,
        )
        .all(...chunk) as UnlinkedPartRow[],
  );
  return entries.map((entry) =>
    toRegisteredUpload(
      rows.filter((row) => row.entry === entry),
      unlinked.filter((row) => row.entry === entry),
    ),
  );
}

/**
 * The register line holding an upload, or a part the dashboard sent (by its
 * own id), with all the parts of its file; undefined when it isn't registered.
 */
export function findRegisteredUpload(id: string): RegisteredUpload | undefined {
  const { entry } = db()
    .prepare(
      `SELECT COALESCE(
         (SELECT ${ENTRY} FROM uploads WHERE id = @id),
         (SELECT ${ENTRY} FROM sent_parts JOIN uploads ON uploads.id = sent_parts.upload_id WHERE sent_parts.id = @id),
         (SELECT ${PART_ENTRY} FROM sent_parts WHERE id = @id)
       ) AS entry`,
    )
    .get({ id }) as { entry: string | null };
  return entry === null ? undefined : linesOf([entry])[0];
}

/** An upload in the register in the API's shape, with the counters last seen. */
export function findRegisteredUploadAnswer(uploadId: string): Upload | undefined {
  const row = db().prepare("SELECT * FROM uploads WHERE id = ?").get(uploadId) as UploadRow | undefined;
  return (
    row && {
      id: row.id,
      created_at: row.created_at,
      enable_rego_lookups: row.enable_rego_lookups === 1,
      name: row.name,
      total_uploaded_customers: row.total_uploaded,
      total_processed_customers: row.total_processed,
      total_errors: row.total_errors,
    }
  );
}

/** Newest first, a line per file (or standalone upload or part), each with the counters last seen. */
export function listRegisteredUploads({ page, pageSize }: { page: number; pageSize: number }): {
  total: number;
  uploads: RegisteredUpload[];
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
  return { total, uploads: linesOf(entries.map(({ entry }) => entry)) };
}

/** Uploads in a region that still have customers waiting, newest first: what the API may be busy with. */
export function listUnfinishedUploads(region: Region, limit: number): UploadPart[] {
  const rows = db()
    .prepare(
      `SELECT * FROM uploads WHERE region = ? AND cancelled_at IS NULL AND total_processed < total_uploaded
       ORDER BY recorded_at DESC LIMIT ?`,
    )
    .all(region, limit) as UploadRow[];
  return rows.map(toPart);
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
  registerUpload(upload, context, now);
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
      registerUpload(upload, { region, user: null, source: "demo", recordedAt: upload.created_at }, now);
    }
  })();
}

/**
 * Adds an upload to the register, or refreshes the counters of one already in it.
 * A name from upstream (an upload made elsewhere) is cut to the dashboard's limit.
 */
export function registerUpload(
  upload: Upload,
  context: {
    region: Region;
    user: Pick<SessionUser, "id" | "email" | "name"> | null;
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
      name: upload.name?.slice(0, UPLOAD_NAME_MAX_LENGTH) ?? null,
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
 * counts and its rows not sent. Only parts the dashboard sent, only once the
 * API confirmed them or a check found them upstream, and only by the person
 * who sent them or an administrator. Sending the same batch again (a retry
 * after a lost answer) returns the line already recorded.
 */
export function recordBatch(
  batch: RecordBatchRequest,
  user: SessionUser,
  now = new Date(),
): RegisteredUpload {
  const database = db();
  return database.transaction(() => {
    const parts = selectSentParts(batch.partIds);
    const missing = batch.partIds.find((id) => !parts.some((part) => part.id === id));
    if (missing) {
      throw new DomainError(
        "inconsistent",
        "unknown_part",
        `Part ${missing} isn't in the register: send each part through the dashboard first.`,
        { fields: { partIds: "Unknown part" } },
      );
    }
    if (user.role !== "admin" && parts.some((part) => part.sent_by_user_id !== user.id)) {
      throw new DomainError(
        "forbidden",
        "not_your_parts",
        "Only the person who sent these parts, or an administrator, can group them.",
      );
    }
    const open = batch.partIds
      .map((id, index) => ({ index, part: parts.find((part) => part.id === id)! }))
      .find(({ part }) => part.state !== "queued" && part.state !== "arrived");
    if (open) {
      throw new DomainError(
        "conflict",
        "part_not_confirmed",
        `Part ${open.index + 1} isn't confirmed as received by the Recapture API yet, so it can't be grouped.`,
      );
    }
    const batchIds = new Set(parts.map((part) => part.batch_id));
    if (batchIds.size === 1 && !batchIds.has(null)) return findRegisteredUpload(batch.partIds[0]!)!;
    if (parts.some((part) => part.batch_id !== null)) {
      throw new DomainError(
        "conflict",
        "already_recorded",
        "Some of these parts are already recorded as parts of another file.",
      );
    }
    const customers = parts.reduce((sum, part) => sum + part.customers, 0);
    if (customers !== batch.sent) {
      throw new DomainError(
        "inconsistent",
        "counts_mismatch",
        `The parts hold ${customers} customers, but the file's counts say ${batch.sent} were sent.`,
        { fields: { sent: "Doesn't match the parts" } },
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
    joinSentPartsToBatch(batchId, batch.partIds);
    return findRegisteredUpload(batch.partIds[0]!)!;
  })();
}

/**
 * The rows the wizard did not send for the file a register line came from (by
 * any of its upload ids or part ids), or undefined when there are none.
 */
export function findNotSentFile(id: string): { fileName: string; csv: string } | undefined {
  const row = db()
    .prepare(
      `SELECT file_name, not_sent_csv FROM upload_batches WHERE id = COALESCE(
         (SELECT batch_id FROM uploads WHERE id = @id),
         (SELECT batch_id FROM sent_parts WHERE id = @id)
       )`,
    )
    .get({ id }) as { file_name: string; not_sent_csv: string | null } | undefined;
  return row?.not_sent_csv ? { fileName: row.file_name, csv: row.not_sent_csv } : undefined;
}
