import { Spinner } from "@/components/ui/spinner";

export interface PipelineStatusProps {
  /** What the worker is doing; undefined when idle. */
  progress: string | undefined;
  /** The outcome of the last change (a fixed cell), read out when nothing is running. */
  announcement: string;
}

/**
 * One polite live region for the wizard: the worker's progress while it works, else the
 * latest outcome. Always in the page, so screen readers hear it change.
 */
export function PipelineStatus({ progress, announcement }: PipelineStatusProps) {
  return (
    <div role="status" aria-live="polite" className="min-h-6 px-5 pt-3 text-sm text-slate-600">
      {progress ? (
        <span className="inline-flex items-center gap-2 text-brand-700">
          <Spinner />
          {progress}
        </span>
      ) : (
        <span className="sr-only">{announcement}</span>
      )}
    </div>
  );
}
