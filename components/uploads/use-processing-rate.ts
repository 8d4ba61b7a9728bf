"use client";

import { useState } from "react";
import {
  addSample,
  processingRate,
  secondsRemaining,
  type ProgressSample,
  type UploadCounters,
} from "@/lib/uploads/progress";

/**
 * Customers a second and seconds left, measured from the readings this page
 * has seen (the API reports only counters). Unknown until readings span a second.
 */
export function useProcessingRate(counters: UploadCounters, checkedAt: number) {
  const [samples, setSamples] = useState<ProgressSample[]>([]);
  const [seenAt, setSeenAt] = useState<number>();
  // Each new reading is added while rendering, React's pattern for state that follows a changing value.
  if (checkedAt !== seenAt) {
    setSeenAt(checkedAt);
    setSamples((previous) => addSample(previous, { at: checkedAt, processed: counters.totalProcessed }));
  }
  const ratePerSecond = processingRate(samples);
  return { ratePerSecond, secondsRemaining: secondsRemaining(counters, ratePerSecond) };
}
