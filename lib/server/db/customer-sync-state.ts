import "server-only";
import type { Selectable } from "kysely";
import type { Region } from "@/lib/recapture/regions";
import { database } from "./index";
import type { CustomerSyncTable } from "./schema";

/**
 * Where each region's customer sync stands (the customer_sync table), and
 * the uploads whose customers it tags. One row per region; the instance
 * holding the sync's lease writes it, any instance reads it and may ask for a
 * pass (`requested_at`).
 */

export type CustomerSyncRow = Selectable<CustomerSyncTable>;

export async function readCustomerSync(region: Region): Promise<CustomerSyncRow | undefined> {
  return (await database())
    .selectFrom("customer_sync")
    .selectAll()
    .where("region", "=", region)
    .executeTakeFirst();
}

/** Regions the dashboard has used besides its own: a sync row, or an upload in the register. */
export async function regionsInUse(): Promise<Region[]> {
  const db = await database();
  const rows = await db
    .selectFrom("customer_sync")
    .select("region")
    .union(db.selectFrom("uploads").select("region"))
    .execute();
  return rows.map(({ region }) => region);
}

/** Starts the next pass for a region: its number, and whether no pass has been complete before. */
export async function startSyncPass(
  region: Region,
  now: Date,
): Promise<{ pass: number; firstPass: boolean }> {
  const at = now.toISOString();
  const row = await (
    await database()
  )
    .insertInto("customer_sync")
    .values({ region, status: "running", pass: 1, started_at: at, heartbeat_at: at, customers_done: 0 })
    .onConflict((conflict) =>
      conflict.column("region").doUpdateSet((eb) => ({
        status: "running",
        pass: eb(eb.ref("customer_sync.pass"), "+", 1),
        started_at: at,
        heartbeat_at: at,
        customers_done: 0,
        customers_total: null,
      })),
    )
    .returning(["pass", "complete_pass"])
    .executeTakeFirstOrThrow();
  return { pass: row.pass, firstPass: row.complete_pass === null };
}

/** How far a running pass has read; also its sign of life. */
export async function recordSyncProgress(
  region: Region,
  pass: number,
  progress: { done: number; total: number },
  now: Date,
): Promise<void> {
  await (
    await database()
  )
    .updateTable("customer_sync")
    .set({ customers_done: progress.done, customers_total: progress.total, heartbeat_at: now.toISOString() })
    .where("region", "=", region)
    .where("pass", "=", pass)
    .execute();
}

/** The pass read the whole list: the index is complete as of now. */
export async function recordCompletePass(region: Region, pass: number, now: Date): Promise<void> {
  await (
    await database()
  )
    .updateTable("customer_sync")
    .set({ complete_pass: pass, completed_at: now.toISOString() })
    .where("region", "=", region)
    .where("pass", "=", pass)
    .execute();
}

export async function finishSyncPass(region: Region, pass: number, now: Date): Promise<void> {
  const at = now.toISOString();
  await (
    await database()
  )
    .updateTable("customer_sync")
    .set({
      status: "idle",
      finished_at: at,
      heartbeat_at: at,
      failures: 0,
      last_error: null,
      failed_at: null,
      retry_at: null,
    })
    .where("region", "=", region)
    .where("pass", "=", pass)
    .execute();
}

/** A pass that failed: what went wrong, for people, and when the sync tries again. */
export async function failSyncPass(
  region: Region,
  pass: number,
  failure: { message: string; retryAt: Date },
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await (
    await database()
  )
    .updateTable("customer_sync")
    .set((eb) => ({
      status: "failed",
      finished_at: at,
      heartbeat_at: at,
      failures: eb(eb.ref("failures"), "+", 1),
      last_error: failure.message,
      failed_at: at,
      retry_at: failure.retryAt.toISOString(),
    }))
    .where("region", "=", region)
    .where("pass", "=", pass)
    .execute();
}

/** A pass stopped by a shutdown: the next one starts over. */
export async function interruptSyncPass(region: Region, pass: number, now: Date): Promise<void> {
  const at = now.toISOString();
  await (
    await database()
  )
    .updateTable("customer_sync")
    .set({ status: "interrupted", finished_at: at, heartbeat_at: at })
    .where("region", "=", region)
    .where("pass", "=", pass)
    .where("status", "=", "running")
    .execute();
}

/** Asks for a pass soon, from any instance: the one running the sync sees it on its next look. */
export async function requestSyncPass(region: Region, now: Date): Promise<void> {
  const at = now.toISOString();
  await (
    await database()
  )
    .insertInto("customer_sync")
    .values({ region, status: "idle", pass: 0, requested_at: at })
    .onConflict((conflict) => conflict.column("region").doUpdateSet({ requested_at: at }))
    .execute();
}

export async function countIndexedCustomers(region: Region): Promise<number> {
  const row = await (
    await database()
  )
    .selectFrom("indexed_customers")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("region", "=", region)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** An upload whose customers are to be tagged with it; `processed` once every customer in it exists. */
export interface UploadToTag {
  uploadId: string;
  processed: boolean;
}

/**
 * Uploads whose customers haven't all been tagged yet: those in the register
 * and those noted by `noteUploadToTag`, until a walk made after the upload had
 * finished processing.
 */
export async function uploadsToTag(region: Region): Promise<UploadToTag[]> {
  const db = await database();
  const registered = await db
    .selectFrom("uploads")
    .leftJoin("indexed_uploads", (join) =>
      join
        .onRef("indexed_uploads.upload_id", "=", "uploads.id")
        .onRef("indexed_uploads.region", "=", "uploads.region"),
    )
    .select(["uploads.id", "uploads.total_processed", "uploads.total_uploaded", "uploads.cancelled_at"])
    .where("uploads.region", "=", region)
    .where((eb) =>
      eb.or([eb("indexed_uploads.finished", "is", null), eb("indexed_uploads.finished", "=", 0)]),
    )
    .orderBy("uploads.created_at")
    .execute();
  const noted = await db
    .selectFrom("indexed_uploads")
    .select("upload_id")
    .where("region", "=", region)
    .where("finished", "=", 0)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(selectFrom("uploads").select("id").whereRef("uploads.id", "=", "indexed_uploads.upload_id")),
      ),
    )
    .orderBy("noted_at")
    .execute();
  return [
    ...registered.map((upload) => ({
      uploadId: upload.id,
      processed: upload.cancelled_at !== null || upload.total_processed >= upload.total_uploaded,
    })),
    // Noted once processed (requestSync after an upload finished).
    ...noted.map(({ upload_id }) => ({ uploadId: upload_id, processed: true })),
  ];
}

/** An upload whose customers should be tagged with it, noted once it has finished processing. */
export async function noteUploadToTag(region: Region, uploadId: string, now: Date): Promise<void> {
  await (
    await database()
  )
    .insertInto("indexed_uploads")
    .values({ region, upload_id: uploadId, noted_at: now.toISOString() })
    .onConflict((conflict) => conflict.columns(["region", "upload_id"]).doNothing())
    .execute();
}

/** A walk of the upload's customers is done; `finished` when it was made after the upload had finished processing. */
export async function recordUploadTagged(
  region: Region,
  uploadId: string,
  finished: boolean,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await (
    await database()
  )
    .insertInto("indexed_uploads")
    .values({ region, upload_id: uploadId, noted_at: at, walked_at: at, finished: finished ? 1 : 0 })
    .onConflict((conflict) =>
      conflict.columns(["region", "upload_id"]).doUpdateSet({ walked_at: at, finished: finished ? 1 : 0 }),
    )
    .execute();
}
