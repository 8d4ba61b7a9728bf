import "server-only";
import type { Region } from "@/lib/recapture/regions";
import {
  noteUploadToTag,
  readCustomerSync,
  regionsInUse,
  requestSyncPass,
  type CustomerSyncRow,
} from "@/lib/server/db/customer-sync-state";
import { takeLease } from "@/lib/server/db/leases";
import { env } from "@/lib/server/env";
import { INSTANCE_ID, startLeasedJob } from "@/lib/server/jobs/leased-job";
import { recapture } from "@/lib/server/recapture";
import type { RecaptureClient } from "@/lib/server/recapture-client";
import { realClock, RequestPacer, type Clock } from "./request-pacer";
import { runSyncPass, SyncStoppedError, type PassContext } from "./sync-pass";

/**
 * The customer sync as a background job: under the "customer-sync" lease, so
 * one instance runs it, it looks every few seconds whether a region's pass is
 * due (at start-up, every SYNC_INTERVAL_MINUTES, when someone asked for one,
 * after a failure once its wait is over) and runs it.
 */

export const CUSTOMER_SYNC_JOB = "customer-sync";
/** How often the holder looks for due passes, so "Sync now" starts within a few seconds. */
const CHECK_EVERY_MS = 3_000;
/** Renewed while a pass runs; a pass stuck longer than this (a dead instance) is taken over. */
const LEASE_MS = 2 * 60_000;
const RENEW_EVERY_MS = 20_000;
/** After a failure the sync tries again after 1, 2, 4… minutes, never later than its interval. */
const FIRST_RETRY_MS = 60_000;

export interface CustomerSyncOptions {
  client?: RecaptureClient;
  /** The region the dashboard works in; others come from the register and earlier passes. */
  region?: Region;
  intervalMs?: number;
  maxRequestsPerSecond?: number;
  checkEveryMs?: number;
  clock?: Clock;
  holder?: string;
}

export interface RunningCustomerSync {
  /** Stops between two requests (a pass in progress is cut short, to start over next time) and gives up the lease. */
  stop(): Promise<void>;
}

function retryAfterFailureMs(failures: number, intervalMs: number): number {
  return Math.min(intervalMs, FIRST_RETRY_MS * 2 ** Math.min(failures, 10));
}

/**
 * Whether a region's pass should run now. A pass still marked running was cut
 * short (only the lease holder runs one, and it isn't running one now).
 */
function isDue(
  row: CustomerSyncRow | undefined,
  now: number,
  intervalMs: number,
  startingUp: boolean,
): boolean {
  if (!row || startingUp) return true;
  const at = (iso: string | null) => (iso === null ? undefined : Date.parse(iso));
  const requested = at(row.requested_at);
  if (requested !== undefined && requested > (at(row.started_at) ?? -Infinity)) return true;
  if (row.status === "failed") return now >= (at(row.retry_at) ?? 0);
  if (row.status !== "idle" || row.complete_pass === null) return true;
  return now >= (at(row.finished_at) ?? 0) + intervalMs;
}

/** An abortable wait, so a shutdown doesn't sit out a rate-limit pause. */
function stoppableClock(clock: Clock, signal: AbortSignal): Clock {
  return {
    now: () => clock.now(),
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        if (signal.aborted) return resolve();
        const done = () => {
          signal.removeEventListener("abort", done);
          resolve();
        };
        signal.addEventListener("abort", done, { once: true });
        void clock.sleep(ms).then(done);
      }),
  };
}

export function startCustomerSync(options: CustomerSyncOptions = {}): RunningCustomerSync {
  const settings = env();
  const intervalMs = options.intervalMs ?? settings.SYNC_INTERVAL_MINUTES * 60_000;
  const home = options.region ?? settings.RECAPTURE_REGION;
  const holder = options.holder ?? INSTANCE_ID;
  const stopping = new AbortController();
  const clock = stoppableClock(options.clock ?? realClock, stopping.signal);
  const pacer = new RequestPacer(
    options.maxRequestsPerSecond ?? settings.SYNC_MAX_REQUESTS_PER_SECOND,
    clock,
  );
  let renewedAt = clock.now();
  let startingUp = true;

  const context: PassContext = {
    client: options.client ?? recapture(),
    pacer,
    clock,
    async checkContinue() {
      if (stopping.signal.aborted) throw new SyncStoppedError("The dashboard is shutting down.");
      if (clock.now() - renewedAt < RENEW_EVERY_MS) return;
      if (!(await takeLease(CUSTOMER_SYNC_JOB, holder, LEASE_MS, clock.now())))
        throw new SyncStoppedError("Another instance took the customer sync over.");
      renewedAt = clock.now();
    },
  };

  const job = startLeasedJob(
    {
      name: CUSTOMER_SYNC_JOB,
      everyMs: options.checkEveryMs ?? CHECK_EVERY_MS,
      leaseMs: LEASE_MS,
      async run() {
        renewedAt = clock.now();
        const regions = [...new Set([home, ...(await regionsInUse())])];
        for (const region of regions) {
          if (stopping.signal.aborted) return;
          const row = await readCustomerSync(region);
          if (!isDue(row, clock.now(), intervalMs, startingUp)) continue;
          await runSyncPass(context, region, retryAfterFailureMs(row?.failures ?? 0, intervalMs));
        }
        startingUp = false;
      },
    },
    { holder },
  );
  return {
    async stop() {
      stopping.abort();
      await job.stop();
    },
  };
}

/**
 * Asks for a pass soon (Sync now; an upload sent through the dashboard that
 * has finished processing, whose customers are then tagged with it). Any
 * instance may ask; the one running the sync starts within a few seconds.
 */
export async function requestSync(request: { region?: Region; uploadId?: string } = {}): Promise<void> {
  const region = request.region ?? env().RECAPTURE_REGION;
  const now = new Date();
  if (request.uploadId) await noteUploadToTag(region, request.uploadId, now);
  await requestSyncPass(region, now);
}
