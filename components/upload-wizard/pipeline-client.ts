import type { CsvFileProblem } from "@/lib/csv";
import type {
  PipelineCall,
  PipelineMessage,
  PipelineRequestOf,
  PipelineRequestType,
  PipelineResults,
} from "@/components/upload-wizard/pipeline-protocol";

/** A failure inside the worker; `problem` is set when the file itself can't be used. */
export class PipelineError extends Error {
  override readonly name = "PipelineError";

  constructor(
    message: string,
    readonly problem?: CsvFileProblem,
  ) {
    super(message);
  }
}

export interface PipelineClient {
  call<K extends PipelineRequestType>(request: PipelineRequestOf<K>): Promise<PipelineResults[K]>;
  terminate(): void;
}

/** Promise-based calls to the pipeline worker; progress messages go to `onProgress` as they come. */
export function createPipelineClient(worker: Worker, onProgress: (message: string) => void): PipelineClient {
  let nextId = 1;
  const pending = new Map<number, { resolve: (result: never) => void; reject: (error: Error) => void }>();

  worker.onmessage = ({ data }: MessageEvent<PipelineMessage>) => {
    if (data.type === "progress") return onProgress(data.message);
    const call = pending.get(data.id);
    pending.delete(data.id);
    if (data.type === "result") call?.resolve(data.result as never);
    else call?.reject(new PipelineError(data.message, data.problem));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    for (const call of pending.values())
      call.reject(new PipelineError("The file reader stopped unexpectedly. Reload the page and try again."));
    pending.clear();
  };

  return {
    call(request) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, request } satisfies PipelineCall);
      });
    },
    terminate() {
      worker.terminate();
      pending.clear();
    },
  };
}
