"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { MONITORED_CHECK_BATCH, type MonitoredMatch } from "@/lib/customer-index/already-monitored";
import { checkAlreadyMonitored } from "@/lib/queries/already-monitored";
import type { Region } from "@/lib/recapture/regions";
import type { ReviewState } from "@/components/upload-wizard/pipeline-protocol";
import type { Pipeline } from "@/components/upload-wizard/use-pipeline";

/**
 * Where the check of a file's cars against the customer index stands: asking
 * (`done` of `total` cars), answered, not possible yet because the index hasn't
 * read every customer, or failed. Neither of the last two stops the upload: the
 * rows are sent as they would have been without the check.
 */
export type MonitoredCheck =
  | { phase: "checking"; done: number; total: number }
  | { phase: "checked" }
  | { phase: "index-not-ready" }
  | { phase: "failed"; message: string };

export interface MonitoredCheckControl {
  check: MonitoredCheck | undefined;
  /** Asks about the cars of the review the worker holds now; an earlier check still running is dropped. */
  start: () => void;
  /** Forgets the check, as the rows it was about are gone. */
  reset: () => void;
}

/**
 * Checks the reviewed rows' cars in batches, one request after another, and hands the
 * answer to the worker, which holds those rows back; `onReview` gets the counts after.
 */
export function useMonitoredCheck(
  run: Pipeline["run"],
  region: Region,
  onReview: (review: ReviewState) => void,
): MonitoredCheckControl {
  const [check, setCheck] = useState<MonitoredCheck>();
  const current = useRef<AbortController | null>(null);

  useEffect(() => () => current.current?.abort(), []);

  const reset = useCallback(() => {
    current.current?.abort();
    current.current = null;
    setCheck(undefined);
  }, []);

  const start = useCallback(() => {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    const { signal } = controller;
    setCheck({ phase: "checking", done: 0, total: 0 });
    void (async () => {
      try {
        const vehicles = await run({ type: "monitored-question" });
        const matches: MonitoredMatch[] = [];
        for (let done = 0; done < vehicles.length; done += MONITORED_CHECK_BATCH) {
          if (signal.aborted) return;
          setCheck({ phase: "checking", done, total: vehicles.length });
          const batch = vehicles.slice(done, done + MONITORED_CHECK_BATCH);
          const answer = await checkAlreadyMonitored(region, batch, signal);
          if (!answer.ready) {
            if (!signal.aborted) setCheck({ phase: "index-not-ready" });
            return;
          }
          for (const match of answer.matches) matches.push({ ...match, vehicle: match.vehicle + done });
        }
        if (signal.aborted) return;
        const review = await run({ type: "already-monitored", matches });
        if (signal.aborted) return;
        onReview(review);
        setCheck({ phase: "checked" });
      } catch (error) {
        if (signal.aborted) return;
        setCheck({ phase: "failed", message: error instanceof Error ? error.message : String(error) });
      }
    })();
  }, [run, region, onReview]);

  return { check, start, reset };
}
