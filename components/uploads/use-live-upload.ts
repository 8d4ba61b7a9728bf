"use client";

import { useQueries } from "@tanstack/react-query";
import type { ApiError } from "@/lib/queries/api";
import { isLastingFailure, lastKnownUpload, uploadQueries } from "@/lib/queries/uploads";
import {
  combinedState,
  countersOf,
  isFinished,
  sumCounters,
  uploadState,
  type UploadCounters,
  type UploadState,
} from "@/lib/uploads/progress";
import type { RegisteredUpload, UploadPart } from "@/lib/uploads/register-schemas";

export interface LivePart {
  part: UploadPart;
  counters: UploadCounters;
  state: UploadState;
}

export interface LiveUpload {
  parts: LivePart[];
  /** Every part added up: what the combined bar shows. */
  counters: UploadCounters;
  state: UploadState;
  /** The Recapture API (or our server) can't be reached; the numbers shown are the last ones known. */
  reconnecting: boolean;
  /** A failure retrying won't fix (session ended, the API doesn't know the upload). */
  failure: ApiError | undefined;
  /** When the newest numbers on screen were read, in epoch ms. */
  checkedAt: number;
}

/** Every part of a register line followed live (see uploadQueries.liveUpload), and the whole they add up to. */
export function useLiveUpload(registered: RegisteredUpload, options: { activeMs?: number } = {}): LiveUpload {
  const results = useQueries({
    queries: registered.parts.map((part) => uploadQueries.liveUpload(part, options)),
  });

  const parts = registered.parts.map((part, index): LivePart => {
    const counters = countersOf(results[index]?.data ?? lastKnownUpload(part));
    return { part, counters, state: uploadState(counters, part.cancelledAt !== null) };
  });
  const active = results.filter((_, index) => !isFinished(parts[index]!.state));
  const failure = results.map((result) => result.error).find(isLastingFailure);

  return {
    parts,
    counters: sumCounters(parts.map((part) => part.counters)),
    state: combinedState(parts.map((part) => part.state)),
    reconnecting: active.some((result) => result.failureCount > 0 && !isLastingFailure(result.failureReason)),
    failure,
    checkedAt: Math.max(...results.map((result) => result.dataUpdatedAt)),
  };
}
