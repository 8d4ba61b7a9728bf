import { customerRow, prepareCustomer } from "./customer";
import { isoAt } from "./dates";
import type { CustomerInput } from "./schemas";
import type { Store } from "./store";

/**
 * Works through queued uploads in the background, oldest upload first, at
 * `processRate` customers per second across the emulator (0 = as fast as
 * possible). Each batch is one SQLite transaction that claims its queued rows,
 * creates the customers and advances the upload's counters together, so a
 * restart (or a second process on the same file) resumes exactly where it was.
 */

/** Customers per transaction: large enough to be fast, small enough to keep the event loop responsive. */
const BATCH_SIZE = 1_000;
const TICK_MS = 100;

export type Processor = ReturnType<typeof createProcessor>;

export function createProcessor(options: { store: Store; processRate: number; now: () => number }) {
  const { store, now } = options;
  let processRate = options.processRate;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  /** Processes up to `limit` queued customers; returns how many it processed. */
  function processBatch(limit: number): number {
    return store.transaction(() => {
      let processed = 0;
      while (processed < limit) {
        const upload = store.oldestQueuedUpload();
        if (!upload) break;
        const wanted = limit - processed;
        const batch = store.queuedBatch(upload.id, wanted);
        const created_at = isoAt(now());
        let errors = 0;
        let lookups = 0;
        for (const queued of batch) {
          const outcome = prepareCustomer(JSON.parse(queued.payload) as CustomerInput, {
            region: upload.region,
            enableRegoLookups: upload.enable_rego_lookups === 1,
            defaults: upload,
          });
          if (!outcome.ok) {
            errors++;
            continue;
          }
          if (outcome.lookedUp) lookups++;
          const owner = {
            id: crypto.randomUUID(),
            account: upload.account,
            region: upload.region,
            upload_id: upload.id,
            created_at,
          };
          store.insertCustomer(customerRow(outcome.fields, owner));
        }
        const last = batch.at(-1);
        if (last) {
          store.addUploadProgress(upload.id, batch.length, errors);
          store.deleteQueuedThrough(upload.id, last.position);
        }
        if (lookups > 0) store.addLookups(upload.account, upload.region, lookups);
        if (batch.length < wanted) store.setUploadStatus(upload.id, "complete");
        processed += batch.length;
      }
      return processed;
    });
  }

  function processUpTo(limit: number): number {
    let processed = 0;
    while (processed < limit) {
      const done = processBatch(Math.min(BATCH_SIZE, limit - processed));
      processed += done;
      if (done === 0) break;
    }
    return processed;
  }

  function schedule(run: () => void, delayMs: number) {
    timer = setTimeout(run, delayMs);
    // Never keep a process (a test run, a script) alive just for background work.
    timer.unref();
  }

  /**
   * Runs one step of work and schedules the next while there is more. A failure
   * (say, the file is locked by another process) is logged and retried.
   */
  function step(work: () => boolean, delayMs: number) {
    timer = undefined;
    if (closed) return;
    try {
      if (work()) schedule(() => step(work, delayMs), delayMs);
    } catch (error) {
      console.error("[emulator] processing failed, retrying", error);
      schedule(() => step(work, delayMs), TICK_MS);
    }
  }

  function start() {
    if (processRate === 0) {
      schedule(() => step(() => processBatch(BATCH_SIZE) > 0, 0), 0);
      return;
    }
    let allowance = 0;
    let last = performance.now();
    const tick = () => {
      const elapsed = performance.now() - last;
      last += elapsed;
      // Carry fractions between ticks so slow rates (1/s) still progress, but never bank more than a second.
      allowance = Math.min(allowance + (processRate * elapsed) / 1000, Math.max(processRate, 1));
      const processed = processUpTo(Math.floor(allowance));
      allowance -= processed;
      return store.hasQueuedUpload();
    };
    schedule(() => step(tick, TICK_MS), TICK_MS);
  }

  function wake() {
    if (closed || timer !== undefined || !store.hasQueuedUpload()) return;
    start();
  }

  return {
    /** Starts processing if there is queued work and it is not already running. */
    wake,
    rate: () => processRate,
    /** Changes the rate at run time (tests slow it down to watch progress); work in hand carries on at the new rate. */
    setRate(rate: number) {
      processRate = rate;
      clearTimeout(timer);
      timer = undefined;
      wake();
    },
    close() {
      closed = true;
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
