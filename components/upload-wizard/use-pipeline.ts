"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { createPipelineClient, type PipelineClient } from "@/components/upload-wizard/pipeline-client";
import type {
  PipelineRequestOf,
  PipelineRequestType,
  PipelineResults,
} from "@/components/upload-wizard/pipeline-protocol";

export interface Pipeline {
  /** Sends one request to the worker; `progress` holds its latest message until it settles. */
  run<K extends PipelineRequestType>(
    request: PipelineRequestOf<K>,
    startMessage?: string,
  ): Promise<PipelineResults[K]>;
  /** What the worker is doing now, for the live region; undefined when idle. */
  progress: string | undefined;
}

/** The pipeline worker, started on the first request (no file, no worker) and stopped when the wizard unmounts. */
export function usePipeline(): Pipeline {
  const client = useRef<PipelineClient | null>(null);
  const running = useRef(0);
  const [progress, setProgress] = useState<string>();

  useEffect(
    () => () => {
      client.current?.terminate();
      client.current = null;
    },
    [],
  );

  const run = useCallback(
    async <K extends PipelineRequestType>(request: PipelineRequestOf<K>, startMessage?: string) => {
      client.current ??= createPipelineClient(
        new Worker(new URL("./pipeline.worker.ts", import.meta.url), {
          type: "module",
          name: "csv-pipeline",
        }),
        setProgress,
      );
      running.current++;
      if (startMessage) setProgress(startMessage);
      try {
        return await client.current.call(request);
      } finally {
        if (--running.current === 0) setProgress(undefined);
      }
    },
    [],
  );

  return { run, progress };
}
