import "server-only";
import { isRecaptureError } from "@/lib/recapture/errors";
import type { Region } from "@/lib/recapture/regions";
import {
  isUnreadableCustomer,
  type Customer,
  type CustomerListEntry,
  type ListCustomersQuery,
} from "@/lib/recapture/schemas";
import {
  customersReadInPass,
  customersTaggedInPass,
  removeCustomersNotRead,
  tagIndexPage,
  writeIndexPage,
} from "@/lib/server/db/customer-index";
import {
  failSyncPass,
  finishSyncPass,
  interruptSyncPass,
  recordCompletePass,
  recordSyncProgress,
  recordUploadTagged,
  startSyncPass,
  uploadsToTag,
} from "@/lib/server/db/customer-sync-state";
import { refreshIndexStatistics } from "@/lib/server/db/statistics";
import type { RecaptureClient } from "@/lib/server/recapture-client";
import { walkCustomerList, type ListPage } from "./customer-walk";
import type { Clock, RequestPacer } from "./request-pacer";

/**
 * One sync pass for a region: walk every customer into the index, remove
 * those the walk didn't find, then walk each upload not yet tagged to tag its
 * customers with it (the API's customer records don't name their upload).
 * A pass that fails or is stopped leaves the last complete index in use; the
 * next one starts from the beginning.
 */

/** The API's largest page. */
export const SYNC_PAGE_SIZE = 500;

export interface PassContext {
  client: RecaptureClient;
  pacer: RequestPacer;
  clock: Clock;
  /** Throws a `SyncStoppedError` when the pass must end now (shutdown, another instance took the sync). */
  checkContinue(): Promise<void>;
  random?: () => number;
}

/** The pass was told to stop: not a failure of the sync. */
export class SyncStoppedError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "SyncStoppedError";
  }
}

/** Tries of one page before the pass gives up: a page the API won't serve for minutes fails the pass. */
const MAX_TRIES = 8;
const BACKOFF_BASE_MS = 1_000;
const MAX_BACKOFF_MS = 60_000;

/** How long to wait before trying a page again, or undefined when trying again won't help (a refused key). */
function retryWaitMs(error: unknown, attempt: number, random: () => number): number | undefined {
  if (!isRecaptureError(error) || attempt + 1 >= MAX_TRIES) return undefined;
  const backoff = Math.min(MAX_BACKOFF_MS, BACKOFF_BASE_MS * 2 ** attempt);
  // Jittered as the client's own backoff is, so instances don't retry in step.
  const jittered = backoff / 2 + (random() * backoff) / 2;
  if (error.code === "rate_limited") return Math.max(jittered, (error.retryAfterSeconds ?? 0) * 1000);
  const passing = ["upstream_error", "upstream_timeout", "upstream_unreachable", "upstream_invalid_response"];
  return passing.includes(error.code) ? jittered : undefined;
}

async function readPage(context: PassContext, region: Region, query: ListCustomersQuery): Promise<ListPage> {
  for (let attempt = 0; ; attempt += 1) {
    await context.pacer.beforeRequest();
    await context.checkContinue();
    try {
      // The sync retries itself, through the pacer, so retries count against its rate too.
      return await context.client.listCustomers(query, {
        region,
        maxRetries: 0,
        onAnswer: (answer) => context.pacer.observe(answer),
      });
    } catch (error) {
      const wait = retryWaitMs(error, attempt, context.random ?? Math.random);
      if (wait === undefined) throw error;
      context.pacer.pause(wait);
    }
  }
}

function splitPage(entries: readonly CustomerListEntry[]) {
  const customers: Customer[] = [];
  const unreadableIds: string[] = [];
  for (const entry of entries) {
    if (!isUnreadableCustomer(entry)) customers.push(entry);
    else if (entry.id) unreadableIds.push(entry.id);
  }
  return { customers, unreadableIds };
}

async function walkAll(context: PassContext, region: Region, pass: number): Promise<void> {
  await walkCustomerList(
    {
      read: (offset) => readPage(context, region, { offset, limit: SYNC_PAGE_SIZE }),
      write: (entries) =>
        writeIndexPage({ region, pass, ...splitPage(entries) }, new Date(context.clock.now())),
      wasWritten: async (id) => (await customersReadInPass(region, pass, [id])).has(id),
      progress: (done, total) =>
        recordSyncProgress(region, pass, { done, total }, new Date(context.clock.now())),
    },
    SYNC_PAGE_SIZE,
  );
}

async function tagUploads(context: PassContext, region: Region, pass: number): Promise<void> {
  for (const { uploadId, processed } of await uploadsToTag(region)) {
    await walkCustomerList(
      {
        read: (offset) => readPage(context, region, { offset, limit: SYNC_PAGE_SIZE, upload_id: uploadId }),
        write: (entries) =>
          tagIndexPage({ region, pass, uploadId, ...splitPage(entries) }, new Date(context.clock.now())),
        wasWritten: async (id) => (await customersTaggedInPass(region, pass, uploadId, [id])).has(id),
      },
      SYNC_PAGE_SIZE,
    );
    // Read while still processing, its later customers are tagged by a later pass.
    await recordUploadTagged(region, uploadId, processed, new Date(context.clock.now()));
  }
}

/** What went wrong, in words for the people reading the customers page. */
function failureMessage(error: unknown): string {
  if (isRecaptureError(error)) return error.message;
  if (error instanceof Error && error.name === "ListKeptChangingError") return error.message;
  return "The dashboard couldn't write the customers to its database.";
}

export type PassOutcome = "complete" | "failed" | "stopped";

/** Runs one pass; `retryAfterFailureMs` is how long the sync waits after a failure. */
export async function runSyncPass(
  context: PassContext,
  region: Region,
  retryAfterFailureMs: number,
): Promise<PassOutcome> {
  const now = () => new Date(context.clock.now());
  const startedAt = now();
  const pass = await startSyncPass(region, startedAt);
  try {
    await walkAll(context, region, pass);
    await removeCustomersNotRead(region, pass, startedAt.toISOString());
    await refreshIndexStatistics();
    await recordCompletePass(region, pass, now());
    await tagUploads(context, region, pass);
    await finishSyncPass(region, pass, now());
    return "complete";
  } catch (error) {
    if (error instanceof SyncStoppedError) {
      await interruptSyncPass(region, pass, now());
      return "stopped";
    }
    console.error(`Customer sync (${region}) failed:`, error instanceof Error ? error.message : error);
    await failSyncPass(
      region,
      pass,
      { message: failureMessage(error), retryAt: new Date(context.clock.now() + retryAfterFailureMs) },
      now(),
    );
    return "failed";
  }
}
