"use client";

import { useState } from "react";
import {
  addSample,
  lastMovement,
  processingRate,
  secondsRemaining,
  stalledSince,
  type ProgressSample,
  type UploadCounters,
  type UploadState,
} from "@/lib/uploads/progress";

/**
 * What the readings this page has seen say (the API reports only counters): customers
 * a second and seconds left, unknown until readings span a second; and, while
 * processing, since when the processed counter has stood still, once that is a minute.
 */
export function useProgressReadings(counters: UploadCounters, state: UploadState, checkedAt: number) {
  const [samples, setSamples] = useState<ProgressSample[]>([]);
  const [movement, setMovement] = useState<ProgressSample>();
  const [seenAt, setSeenAt] = useState<number>();
  // Each new reading is added while rendering, React's pattern for state that follows a
  // changing value. 0 means no answer yet: the numbers are the register's, not a reading.
  if (checkedAt !== seenAt && checkedAt > 0) {
    setSeenAt(checkedAt);
    const reading = { at: checkedAt, processed: counters.totalProcessed };
    setSamples((previous) => addSample(previous, reading));
    setMovement((previous) => lastMovement(previous, reading));
  }
  const ratePerSecond = processingRate(samples);
  return {
    ratePerSecond,
    secondsRemaining: secondsRemaining(counters, ratePerSecond),
    stalledSince: stalledSince(state, movement, checkedAt),
  };
}
