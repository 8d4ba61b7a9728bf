/// <reference lib="webworker" />
import { CsvFileError } from "@/lib/csv";
import type { PipelineCall, PipelineMessage } from "@/components/upload-wizard/pipeline-protocol";
import { createPipelineSession } from "@/components/upload-wizard/pipeline-session";

// Runs lib/csv off the main thread, so a 100 MB file never freezes the page.
declare const self: DedicatedWorkerGlobalScope;

const post = (message: PipelineMessage) => self.postMessage(message);
const session = createPipelineSession((message) => post({ type: "progress", message }));

self.onmessage = async ({ data: { id, request } }: MessageEvent<PipelineCall>) => {
  try {
    post({ type: "result", id, result: await session.handle(request) });
  } catch (error) {
    if (error instanceof CsvFileError)
      post({ type: "failure", id, message: error.message, problem: error.problem });
    else post({ type: "failure", id, message: error instanceof Error ? error.message : String(error) });
  }
};
