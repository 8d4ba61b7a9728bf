import "server-only";
import type { Region } from "@/lib/recapture/regions";
import type { Upload } from "@/lib/recapture/schemas";
import { UPLOAD_NAME_MAX_LENGTH } from "@/lib/recapture/upload-name";
import type { SessionUser } from "@/lib/server/auth/sessions";
import { db } from "@/lib/server/db";
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
 * grouping parts into one file's line in ./batches.ts.
 */

/** The lines of these entries, in the order given. */
function linesOf(entries: readonly string[]): RegisteredUpload[] {
  const { uploads, unlinked } = selectLineRows(entries);
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
export function findRegisteredUpload(id: string): RegisteredUpload | undefined {
  const entry = selectEntryOf(id);
  return entry === undefined ? undefined : linesOf([entry])[0];
}

/** An upload in the register in the API's shape, with the counters last seen. */
export function findRegisteredUploadAnswer(uploadId: string): Upload | undefined {
  const row = selectUpload(uploadId);
  return row && toUploadAnswer(row);
}

/** Newest first, a line per file (or standalone upload or part), each with the counters last seen. */
export function listRegisteredUploads(page: { page: number; pageSize: number }): {
  total: number;
  uploads: RegisteredUpload[];
} {
  const { total, entries } = selectEntriesPage(page);
  return { total, uploads: linesOf(entries) };
}

/** Uploads in a region that still have customers waiting, newest first: what the API may be busy with. */
export function listUnfinishedUploads(region: Region, limit: number): UploadPart[] {
  return selectUnfinishedUploads(region, limit).map(toPart);
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
  db().transaction(() => {
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
  const inserted = insertUpload({
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
  if (!inserted) recordProgress(upload, now);
}

/**
 * Keeps the counters the API last reported, so the register and a reload show
 * them without asking again. Counters only grow, so an answer that arrives
 * late (a poll overtaken by a cancel) never takes them back.
 */
export function recordProgress(upload: Upload, now = new Date()): void {
  updateUploadCounters({
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
  db().transaction(() => {
    recordProgress(upload, now);
    updateUploadCancelled(upload.id, user, now.toISOString());
  })();
}
