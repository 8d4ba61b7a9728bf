import type { Upload } from "@/lib/recapture/schemas";
import { formatCount } from "@/lib/format";

/**
 * Where an upload stands, from the counters the Recapture API reports and
 * what the register knows (the API itself never says "cancelled": a cancelled
 * upload simply stops with processed < uploaded). Pure: shared by the progress
 * page, the register list and their tests.
 */

export type UploadState = "queued" | "processing" | "complete" | "cancelled";

export interface UploadCounters {
  totalUploaded: number;
  totalProcessed: number;
  totalErrors: number;
}

/** The counters of the API's answer, in the dashboard's names. */
export function countersOf(upload: Upload): UploadCounters {
  return {
    totalUploaded: upload.total_uploaded_customers,
    totalProcessed: upload.total_processed_customers,
    totalErrors: upload.total_errors,
  };
}

export function uploadState(counters: UploadCounters, cancelled: boolean): UploadState {
  if (counters.totalProcessed >= counters.totalUploaded) return "complete";
  if (cancelled) return "cancelled";
  return counters.totalProcessed === 0 ? "queued" : "processing";
}

export const isFinished = (state: UploadState) => state === "complete" || state === "cancelled";

/**
 * The state of a split upload as one: still moving while any part is, complete
 * only when every part is, otherwise cancelled (some parts stopped early).
 */
export function combinedState(states: readonly UploadState[]): UploadState {
  if (states.includes("processing")) return "processing";
  if (states.includes("queued")) return states.every((state) => state === "queued") ? "queued" : "processing";
  return states.every((state) => state === "complete") ? "complete" : "cancelled";
}

export function sumCounters(parts: readonly UploadCounters[]): UploadCounters {
  return parts.reduce(
    (sum, part) => ({
      totalUploaded: sum.totalUploaded + part.totalUploaded,
      totalProcessed: sum.totalProcessed + part.totalProcessed,
      totalErrors: sum.totalErrors + part.totalErrors,
    }),
    { totalUploaded: 0, totalProcessed: 0, totalErrors: 0 },
  );
}

/** Whole percent, rounded down so the bar never reads 100% while customers are still waiting. */
export function percentProcessed({ totalUploaded, totalProcessed }: UploadCounters): number {
  if (totalUploaded === 0) return 100;
  return Math.min(100, Math.floor((totalProcessed / totalUploaded) * 100));
}

// ------------------------------------------------------------ rate and ETA

/** One reading of the processed counter, `at` in epoch milliseconds. */
export interface ProgressSample {
  at: number;
  processed: number;
}

/**
 * Long enough to smooth out a processor that works in batches, short enough
 * that the rate follows a real slow-down (or the end of a throttle) within seconds.
 */
export const RATE_WINDOW_MS = 10_000;
/** Below this span between the oldest and newest sample, a rate would be noise. */
const MIN_SPAN_MS = 1_000;
/** Readings further apart than this (the register's numbers from yesterday) say nothing about the rate now. */
const MAX_GAP_MS = 60_000;

/**
 * Adds a reading and forgets those older than the window, always keeping the
 * newest one before the window so a rate can still be measured after a gap
 * (a hidden tab polling every few seconds). A reading that goes backwards
 * (another upload's numbers, a reset) or comes after a long silence starts
 * the series again.
 */
export function addSample(
  samples: readonly ProgressSample[],
  sample: ProgressSample,
  windowMs = RATE_WINDOW_MS,
): ProgressSample[] {
  const last = samples.at(-1);
  if (last && (sample.at < last.at || sample.processed < last.processed || sample.at - last.at > MAX_GAP_MS))
    return [sample];
  if (last && sample.at === last.at) return [...samples.slice(0, -1), sample];
  const all = [...samples, sample];
  const firstInWindow = all.findIndex((reading) => sample.at - reading.at <= windowMs);
  return all.slice(Math.max(0, firstInWindow - 1));
}

/** Customers processed per second across the samples, or undefined until there is enough to tell. */
export function processingRate(samples: readonly ProgressSample[]): number | undefined {
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last || last.at - first.at < MIN_SPAN_MS) return undefined;
  return ((last.processed - first.processed) * 1000) / (last.at - first.at);
}

/** Seconds until every uploaded customer is processed at `ratePerSecond`, or undefined when it can't be told. */
export function secondsRemaining(
  counters: UploadCounters,
  ratePerSecond: number | undefined,
): number | undefined {
  const remaining = counters.totalUploaded - counters.totalProcessed;
  if (remaining <= 0) return 0;
  if (ratePerSecond === undefined || ratePerSecond <= 0) return undefined;
  return Math.ceil(remaining / ratePerSecond);
}

// ------------------------------------------------------------ stalls

/**
 * No customer processed for this long, while processing, is worth a word: the API
 * may be busy, or someone cancelled the upload outside the dashboard (the API never
 * says so, it just stops counting).
 */
export const STALL_MS = 60_000;

/**
 * The reading at which the processed counter last moved, given the one before and
 * a new reading: the new one when it moved (or there was none), else the old one.
 */
export function lastMovement(previous: ProgressSample | undefined, reading: ProgressSample): ProgressSample {
  return previous && reading.processed === previous.processed && reading.at >= previous.at
    ? previous
    : reading;
}

/** When processing stopped moving, if it has stood still for STALL_MS up to the newest reading. */
export function stalledSince(
  state: UploadState,
  movement: ProgressSample | undefined,
  checkedAt: number,
): number | undefined {
  if (state !== "processing" || !movement || checkedAt - movement.at < STALL_MS) return undefined;
  return movement.at;
}

/** "1,250 a second", or "40 a minute" when fewer than one a second would read as 0. */
export function describeRate(ratePerSecond: number): string {
  if (ratePerSecond >= 1 || ratePerSecond === 0) return `${formatCount(ratePerSecond)} a second`;
  return `${formatCount(ratePerSecond * 60)} a minute`;
}

/** Rounded the way people say it: "about 40 seconds", "about 3 minutes", "about 2 h 15 min". */
export function describeTimeRemaining(seconds: number): string {
  if (seconds <= 0) return "done";
  if (seconds < 10) return "a few seconds";
  if (seconds < 60) return `about ${Math.ceil(seconds / 5) * 5} seconds`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return minutes === 1 ? "about a minute" : `about ${minutes} minutes`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `about ${hours} h` : `about ${hours} h ${rest} min`;
}
