import "server-only";
import { sql, type Insertable, type Selectable } from "kysely";
import type { Region } from "@/lib/recapture/regions";
import { database, type Db } from "./index";
import { inChunks } from "./in-list";
import type { UploadBatchesTable, UploadsTable } from "./schema";
import type { SentPartRow } from "./sent-part-rows";

/**
 * The register of uploads (tables in ./migrations/uploads.ts), as rows.
 * Parts of one file share a batch; an upload sent in one piece, or tracked by
 * id, stands alone. A line of the register is either, keyed by `entry` below.
 * Parts the dashboard sent that have no upload id (still sending, not
 * confirmed, or their answer lost) join the line of their batch, or stand
 * alone under their own id. Each function takes an optional `db`: a
 * transaction, to be part of it, or else the process's database.
 */

export type UploadRow = Selectable<UploadsTable>;

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

// `'batch:' || NULL` is NULL on both engines, so a standalone upload is its own entry.
const uploadEntry = sql<string>`COALESCE('batch:' || CAST(uploads.batch_id AS TEXT), uploads.id)`;
const partEntry = sql<string>`COALESCE('batch:' || CAST(sent_parts.batch_id AS TEXT), sent_parts.id)`;

const BATCH_COLUMNS = [
  "upload_batches.name as batch_name",
  "upload_batches.file_name",
  "upload_batches.rows_in_file",
  "upload_batches.rows_sent",
  "upload_batches.rows_not_sent",
] as const;

/** Every line's entry and when it was first recorded: uploads, and sent parts without an upload. */
function entries(db: Db) {
  return db
    .selectFrom("uploads")
    .select([uploadEntry.as("entry"), "uploads.recorded_at as at"])
    .unionAll(
      db
        .selectFrom("sent_parts")
        .select([partEntry.as("entry"), "sent_parts.sent_at as at"])
        .where("sent_parts.upload_id", "is", null),
    )
    .as("entries");
}

/** The uploads (in part order) and sent parts without an upload of these entries' lines. */
export async function selectLineRows(
  lineEntries: readonly string[],
  db?: Db,
): Promise<{ uploads: LineUploadRow[]; unlinked: LineSentPartRow[] }> {
  const kysely = db ?? (await database());
  const uploads = await inChunks(lineEntries, (chunk) =>
    kysely
      .selectFrom("uploads")
      .leftJoin("upload_batches", "upload_batches.id", "uploads.batch_id")
      .selectAll("uploads")
      .select([uploadEntry.as("entry"), ...BATCH_COLUMNS])
      .where(uploadEntry, "in", chunk)
      .orderBy("uploads.part_number")
      .execute(),
  );
  const unlinked = await inChunks(lineEntries, (chunk) =>
    kysely
      .selectFrom("sent_parts")
      .leftJoin("upload_batches", "upload_batches.id", "sent_parts.batch_id")
      .selectAll("sent_parts")
      .select([partEntry.as("entry"), ...BATCH_COLUMNS])
      .where("sent_parts.upload_id", "is", null)
      .where(partEntry, "in", chunk)
      .orderBy("sent_parts.part_number")
      .orderBy("sent_parts.sent_at")
      .execute(),
  );
  return { uploads, unlinked };
}

/** The entry of the line holding an upload, or a part the dashboard sent (by its own id). */
export async function selectEntryOf(id: string, db?: Db): Promise<string | undefined> {
  const { rows } = await sql<{ entry: string | null }>`SELECT COALESCE(
      (SELECT ${uploadEntry} FROM uploads WHERE id = ${id}),
      (SELECT ${uploadEntry} FROM sent_parts JOIN uploads ON uploads.id = sent_parts.upload_id
        WHERE sent_parts.id = ${id}),
      (SELECT ${partEntry} FROM sent_parts WHERE id = ${id})
    ) AS entry`.execute(db ?? (await database()));
  return rows[0]?.entry ?? undefined;
}

export async function selectUpload(uploadId: string, db?: Db): Promise<UploadRow | undefined> {
  return (db ?? (await database()))
    .selectFrom("uploads")
    .selectAll()
    .where("id", "=", uploadId)
    .executeTakeFirst();
}

/** How many lines there are, and one page of their entries, newest first. */
export async function selectEntriesPage({
  page,
  pageSize,
}: {
  page: number;
  pageSize: number;
}): Promise<{ total: number; entries: string[] }> {
  const db = await database();
  const { total } = await db
    .selectFrom(entries(db))
    .select(sql<number>`COUNT(DISTINCT entry)`.as("total"))
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom(entries(db))
    .select((eb) => ["entry", eb.fn.min("at").as("first_recorded_at")])
    .groupBy("entry")
    .orderBy("first_recorded_at", "desc")
    .orderBy("entry", "desc")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total, entries: rows.map(({ entry }) => entry) };
}

const unfinished = (db: Db) =>
  db
    .selectFrom("uploads")
    .where("cancelled_at", "is", null)
    .whereRef("total_processed", "<", "total_uploaded");

/**
 * Uploads in a region that still have customers waiting: the newest first, or
 * those whose counters were read longest ago (`stalest`).
 */
export async function selectUnfinishedUploads(
  region: Region,
  limit: number,
  first: "newest" | "stalest" = "newest",
): Promise<UploadRow[]> {
  return unfinished(await database())
    .selectAll()
    .where("region", "=", region)
    .$if(first === "newest", (query) => query.orderBy("recorded_at", "desc"))
    .$if(first === "stalest", (query) => query.orderBy("checked_at", "asc"))
    .orderBy("id")
    .limit(limit)
    .execute();
}

/** The regions that have uploads with customers still waiting. */
export async function selectRegionsWithUnfinishedUploads(): Promise<Region[]> {
  const rows = await unfinished(await database())
    .select("region")
    .distinct()
    .orderBy("region")
    .execute();
  return rows.map(({ region }) => region);
}

/** False when the upload was already in the register (nothing is changed then). */
export async function insertUpload(row: Insertable<UploadsTable>, db?: Db): Promise<boolean> {
  const inserted = await (db ?? (await database()))
    .insertInto("uploads")
    .values(row)
    .onConflict((conflict) => conflict.column("id").doNothing())
    .returning("id")
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Counters only grow, so an answer that arrives late never takes them back. */
export async function updateUploadCounters(
  counters: { id: string; uploaded: number; processed: number; errors: number; at: string },
  db?: Db,
): Promise<{ finishedNow: Region | undefined }> {
  const queries = db ?? (await database());
  // Read first: the update can't return the counters it replaced, and "this read finished it" needs them.
  const before = await queries
    .selectFrom("uploads")
    .select(["region", "total_uploaded", "total_processed"])
    .where("id", "=", counters.id)
    .executeTakeFirst();
  await queries
    .updateTable("uploads")
    .set((eb) => ({
      total_uploaded: counters.uploaded,
      total_processed: eb
        .case()
        .when("total_processed", "<", counters.processed)
        .then(counters.processed)
        .else(eb.ref("total_processed"))
        .end(),
      total_errors: eb
        .case()
        .when("total_errors", "<", counters.errors)
        .then(counters.errors)
        .else(eb.ref("total_errors"))
        .end(),
      checked_at: counters.at,
    }))
    .where("id", "=", counters.id)
    .execute();
  const wasFinished = before !== undefined && before.total_processed >= before.total_uploaded;
  return {
    finishedNow:
      before !== undefined && !wasFinished && counters.processed >= counters.uploaded
        ? before.region
        : undefined,
  };
}

/** The first cancellation is the one kept. */
export async function updateUploadCancelled(
  uploadId: string,
  by: { id: number; email: string; name: string | null },
  at: string,
  db?: Db,
): Promise<void> {
  await (db ?? (await database()))
    .updateTable("uploads")
    .set({
      cancelled_at: at,
      cancelled_by_user_id: by.id,
      cancelled_by_email: by.email,
      cancelled_by_name: by.name,
    })
    .where("id", "=", uploadId)
    .where("cancelled_at", "is", null)
    .execute();
}

/** Puts an upload in a batch, as its `part_number`th part. */
export async function updateUploadBatch(
  uploadId: string,
  place: { batch_id: number; part_number: number },
  db?: Db,
): Promise<void> {
  await (db ?? (await database())).updateTable("uploads").set(place).where("id", "=", uploadId).execute();
}

/** A file's line, to which its parts are then joined; its id. */
export async function insertBatch(
  batch: Omit<Insertable<UploadBatchesTable>, "id">,
  db?: Db,
): Promise<number> {
  const { id } = await (db ?? (await database()))
    .insertInto("upload_batches")
    .values(batch)
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** The file and rows not sent of the batch an upload id or part id belongs to. */
export async function selectNotSentFile(
  id: string,
): Promise<{ file_name: string; not_sent_csv: string | null } | undefined> {
  return (await database())
    .selectFrom("upload_batches")
    .select(["file_name", "not_sent_csv"])
    .where("id", "=", (eb) =>
      eb.fn.coalesce(
        eb.selectFrom("uploads").select("batch_id").where("id", "=", id),
        eb.selectFrom("sent_parts").select("batch_id").where("id", "=", id),
      ),
    )
    .executeTakeFirst();
}
