import { Button } from "@/components/ui/button";

export interface ErrorStateProps {
  title?: string;
  message: string;
  onRetry?: () => void;
  retrying?: boolean;
}

/** A failed load, said plainly, with a way to try again. `role="alert"` so screen readers hear it when it appears. */
export function ErrorState({
  title = "Couldn't load this",
  message,
  onRetry,
  retrying = false,
}: ErrorStateProps) {
  return (
    <div role="alert" className="flex flex-col items-center gap-2 px-4 py-12 text-center">
      <p className="text-base font-semibold text-slate-900">{title}</p>
      <p className="max-w-md text-sm text-slate-600">{message}</p>
      {onRetry && (
        <Button variant="secondary" className="mt-2" onClick={onRetry} disabled={retrying}>
          {retrying ? "Trying again…" : "Try again"}
        </Button>
      )}
    </div>
  );
}
