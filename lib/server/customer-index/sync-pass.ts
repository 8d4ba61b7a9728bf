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
  writeIndexPage,
  type IndexPage,
} from "@/lib/server/db/customer-index";
import {
  countIndexedCustomers,
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
import { notifyPriceDrops } from "@/lib/server/notifications/lead-notifications";
import type { RecaptureClient } from "@/lib/server/recapture-client";
import { walkCustomerList, type ListPage } from "./customer-walk";
import type { Clock, RequestPacer } from "./request-pacer";

/**
 * One sync pass for a region: first walk each upload whose customers aren't
 * all tagged with it yet (the API's customer records don't name their upload),
 * writing them in with their upload, then walk the whole list, and remove the
 * customers that walk didn't find. Uploads go first so that, in the first
 * pass, most customers are written once with their upload rather than written
 * and then rewritten to add it. A pass that fails or is stopped leaves the
 * last complete index in use; the next one starts from the beginning.
 */

/** The API's largest page. */
export const SYNC_PAGE_SIZE = 500;
/**
 * Pages written in one transaction. A page's customers land all over the
 * index's trees, and each commit writes every tree page it touched whole:
 * four pages at a time touch about as many tree pages as one does, and hold
 * the database for about a fifth of a second.
 */
const PAGES_PER_WRITE = 4;

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

/** A page, and when it was read: what its customers are stamped with in the index. */
type ReadPage = ListPage & { readAt: Date };

async function readPage(context: PassContext, region: Region, query: ListCustomersQuery): Promise<ReadPage> {
  for (let attempt = 0; ; attempt += 1) {
    await context.pacer.beforeRequest();
    await context.checkContinue();
    try {
      // The sync retries itself, through the pacer, so retries count against its rate too.
      const page = await context.client.listCustomers(query, {
        region,
        maxRetries: 0,
        onAnswer: (answer) => context.pacer.observe(answer),
      });
      return { ...page, readAt: new Date(context.clock.now()) };
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

/**
 * How far a pass has got, for the customers page. While the index is being
 * built for the first time that is how many customers it holds, of the list's
 * total (asked for first when uploads are walked before the list); later, how
 * far the walk of the whole list is. It also keeps the query planners' picture
 * of the index in step while the index grows: a planner that still thinks the
 * table small reads all of it to find a page's customers.
 */
class PassProgress {
  total?: number;
  private indexed = 0;
  private indexedWhenAnalysed = 0;

  constructor(
    private readonly context: PassContext,
    private readonly region: Region,
    private readonly pass: number,
    readonly firstPass: boolean,
  ) {}

  async start(): Promise<void> {
    this.indexed = this.indexedWhenAnalysed = await countIndexedCustomers(this.region);
  }

  /** A page was written, adding `added` customers to the index; `walked` is the whole list's walk. */
  async record(added: number, walked?: { done: number; total: number }): Promise<void> {
    this.indexed += added;
    if (this.indexed >= Math.max(1_000, 2 * this.indexedWhenAnalysed)) {
      await refreshIndexStatistics("growing");
      this.indexedWhenAnalysed = this.indexed;
    }
    const now = new Date(this.context.clock.now());
    if (!this.firstPass) {
      if (walked) await recordSyncProgress(this.region, this.pass, walked, now);
      return;
    }
    const total = walked?.total ?? this.total;
    if (total !== undefined)
      await recordSyncProgress(this.region, this.pass, { done: this.indexed, total }, now);
  }
}

/** Writes pages read; once committed, assignees hear of their leads' price drops. Returns the customers added. */
async function writeAndTell(page: IndexPage, readAt: Date): Promise<number> {
  const { added, leads } = await writeIndexPage(page, readAt);
  await notifyPriceDrops(leads);
  return added;
}

async function tagUploads(context: PassContext, region: Region, pass: number, progress: PassProgress) {
  const uploads = await uploadsToTag(region);
  if (uploads.length > 0 && progress.firstPass)
    progress.total = (await readPage(context, region, { offset: 0, limit: 1 })).total;
  for (const { uploadId, processed } of uploads) {
    await walkCustomerList(
      {
        read: (offset) => readPage(context, region, { offset, limit: SYNC_PAGE_SIZE, upload_id: uploadId }),
        write: async (entries, { readAt }) =>
          progress.record(await writeAndTell({ region, pass, uploadId, ...splitPage(entries) }, readAt)),
        wasWritten: async (id) => (await customersTaggedInPass(region, pass, uploadId, [id])).has(id),
      },
      SYNC_PAGE_SIZE,
      PAGES_PER_WRITE,
    );
    // Read while still processing, its later customers are tagged by a later pass.
    await recordUploadTagged(region, uploadId, processed, new Date(context.clock.now()));
  }
}

async function walkAll(context: PassContext, region: Region, pass: number, progress: PassProgress) {
  let added = 0;
  await walkCustomerList(
    {
      read: (offset) => readPage(context, region, { offset, limit: SYNC_PAGE_SIZE }),
      write: async (entries, { readAt }) => {
        added = await writeAndTell({ region, pass, ...splitPage(entries) }, readAt);
      },
      wasWritten: async (id) => (await customersReadInPass(region, pass, [id])).has(id),
      progress: (done, total) => progress.record(added, { done, total }),
    },
    SYNC_PAGE_SIZE,
    PAGES_PER_WRITE,
  );
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
  const { pass, firstPass } = await startSyncPass(region, startedAt);
  try {
    const progress = new PassProgress(context, region, pass, firstPass);
    await progress.start();
    await tagUploads(context, region, pass, progress);
    await walkAll(context, region, pass, progress);
    await removeCustomersNotRead(region, pass, startedAt.toISOString());
    await refreshIndexStatistics("complete");
    await recordCompletePass(region, pass, now());
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
