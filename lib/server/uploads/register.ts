import "server-only";
import { requestSync } from "@/lib/server/customer-index/customer-sync";
import type { Region } from "@/lib/recapture/regions";
import type { Upload } from "@/lib/recapture/schemas";
import { UPLOAD_NAME_MAX_LENGTH } from "@/lib/recapture/upload-name";
import type { SessionUser } from "@/lib/server/auth/sessions";
import { database, type Db } from "@/lib/server/db";
import {
  insertUpload,
  selectEntriesPage,
  selectEntryOf,
  selectLineRows,
  selectUnfinishedUploads,
  selectUpload,
  updateUploadCancelled,
  updateUploadCounters,
} from "@/lib/server/db/uploads-register";
import { toPart, toRegisteredUpload, toUploadAnswer } from "@/lib/server/uploads/register-lines";
import type { RegisteredUpload, UploadPart } from "@/lib/uploads/register-schemas";

/**
 * The register of uploads: what is recorded when the API accepts, reports on
 * or cancels an upload, and the lines people see. Its rows and SQL are in
 * lib/server/db/uploads-register.ts, their shapes in ./register-lines.ts, and
 * grouping parts into one file's line in ./batches.ts. Functions that take an
 * optional `db` join the transaction given, else use the process's database.
 */

/** The lines of these entries, in the order given. */
async function linesOf(entries: readonly string[], db?: Db): Promise<RegisteredUpload[]> {
  const { uploads, unlinked } = await selectLineRows(entries, db);
  return entries.map((entry) =>
    toRegisteredUpload(
      uploads.filter((row) => row.entry === entry),
      unlinked.filter((row) => row.entry === entry),
    ),
  );
}

/**
 * The register line holding an upload, or a part the dashboard sent (by its
 * own id), with all the parts of its file; undefined when it isn't registered.
 */
export async function findRegisteredUpload(id: string, db?: Db): Promise<RegisteredUpload | undefined> {
  const entry = await selectEntryOf(id, db);
  return entry === undefined ? undefined : (await linesOf([entry], db))[0];
}

/** An upload in the register in the API's shape, with the counters last seen. */
export async function findRegisteredUploadAnswer(uploadId: string, db?: Db): Promise<Upload | undefined> {
  const row = await selectUpload(uploadId, db);
  return row && toUploadAnswer(row);
}

/** Newest first, a line per file (or standalone upload or part), each with the counters last seen. */
export async function listRegisteredUploads(page: { page: number; pageSize: number }): Promise<{
  total: number;
  uploads: RegisteredUpload[];
}> {
  const { total, entries } = await selectEntriesPage(page);
  return { total, uploads: await linesOf(entries) };
}

/** Uploads in a region that still have customers waiting, newest first: what the API may be busy with. */
export async function listUnfinishedUploads(region: Region, limit: number): Promise<UploadPart[]> {
  return (await selectUnfinishedUploads(region, limit)).map(toPart);
}

/**
 * Records an upload the API has just accepted (`dashboard`) or that someone
 * asked to follow (`tracked`). An upload already in the register keeps its
 * history; only its counters are refreshed.
 */
export async function recordUpload(
  upload: Upload,
  context: { region: Region; user: SessionUser; source: "dashboard" | "tracked" },
  now = new Date(),
): Promise<RegisteredUpload> {
  await registerUpload(upload, context, now);
  return (await findRegisteredUpload(upload.id))!;
}

/**
 * The emulator's demo uploads (see lib/server/recapture.ts): history from before the
 * dashboard, so recorded by nobody at the time each was created. Ones already in the
 * register are only refreshed.
 */
export async function recordDemoUploads(
  uploads: readonly Upload[],
  region: Region,
  now = new Date(),
): Promise<void> {
  await (await database()).transaction().execute(async (trx) => {
    for (const upload of uploads) {
      await registerUpload(
        upload,
        { region, user: null, source: "demo", recordedAt: upload.created_at },
        now,
        trx,
      );
    }
  });
}

/**
 * Adds an upload to the register, or refreshes the counters of one already in it.
 * A name from upstream (an upload made elsewhere) is cut to the dashboard's limit.
 */
export async function registerUpload(
  upload: Upload,
  context: {
    region: Region;
    user: Pick<SessionUser, "id" | "email" | "name"> | null;
    source: RegisteredUpload["source"];
    recordedAt?: string;
  },
  now: Date,
  db?: Db,
): Promise<void> {
  const at = now.toISOString();
  const inserted = await insertUpload(
    {
      id: upload.id,
      region: context.region,
      name: upload.name?.slice(0, UPLOAD_NAME_MAX_LENGTH) ?? null,
      enable_rego_lookups: Number(upload.enable_rego_lookups),
      created_at: upload.created_at,
      source: context.source,
      recorded_by_user_id: context.user?.id ?? null,
      recorded_by_email: context.user?.email ?? null,
      recorded_by_name: context.user?.name ?? null,
      recorded_at: context.recordedAt ?? at,
      total_uploaded: upload.total_uploaded_customers,
      total_processed: upload.total_processed_customers,
      total_errors: upload.total_errors,
      checked_at: at,
    },
    db,
  );
  if (!inserted) await recordProgress(upload, now, db);
}

/**
 * Keeps the counters the API last reported, so the register and a reload show
 * them without asking again. Counters only grow, so an answer that arrives
 * late (a poll overtaken by a cancel) never takes them back. The read that
 * finds an upload finished (whoever made it: the progress page, the tracker)
 * asks the customer index for a pass, so its customers are found soon, tagged
 * with the upload; inside a caller's transaction that is left to the next
 * tracker round, as the request can't wait on the transaction's connection.
 */
export async function recordProgress(upload: Upload, now = new Date(), db?: Db): Promise<void> {
  const { finishedNow } = await updateUploadCounters(
    {
      id: upload.id,
      uploaded: upload.total_uploaded_customers,
      processed: upload.total_processed_customers,
      errors: upload.total_errors,
      at: now.toISOString(),
    },
    db,
  );
  if (finishedNow && !db) await requestSync({ region: finishedNow, uploadId: upload.id });
}

/**
 * The API's answer to a cancel carries the counters at that moment; after it
 * the counters simply stop, so only the register can say "cancelled". The
 * first cancellation is the one kept.
 */
export async function recordCancellation(upload: Upload, user: SessionUser, now = new Date()): Promise<void> {
  await (await database()).transaction().execute(async (trx) => {
    await recordProgress(upload, now, trx);
    await updateUploadCancelled(upload.id, user, now.toISOString(), trx);
  });
}
