"use client";

import { useQuery } from "@tanstack/react-query";
import { toast } from "sonner";
import { indexStatusLine } from "@/components/customers/index-status-line";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { IndexStatus } from "@/lib/customer-index/index-status";
import { formatCount } from "@/lib/format";
import { customerIndexQueries, useSyncNow } from "@/lib/queries/customer-index";

export interface CustomerIndexStatusProps {
  /** As the server read it while rendering the page, so the line is there from the first paint. */
  initialStatus: IndexStatus;
  timeZone: string;
  /** Administrators get "Sync now". */
  canSync: boolean;
}

const tones = {
  normal: "text-slate-600",
  busy: "text-slate-700",
  failed: "text-red-800",
} as const;

/** Where the customer index stands: how many customers and since when, a first pass's progress, a failure. */
export function CustomerIndexStatus({ initialStatus, timeZone, canSync }: CustomerIndexStatusProps) {
  const { data: status = initialStatus } = useQuery({
    ...customerIndexQueries.status(),
    initialData: initialStatus,
  });
  const syncNow = useSyncNow();
  const line = indexStatusLine(status, timeZone);
  const syncing = Boolean(status.progress) || status.requested || syncNow.isPending;
  const percent = line.progress
    ? Math.floor((line.progress.done / Math.max(1, line.progress.total)) * 100)
    : 0;

  function requestSync() {
    syncNow.mutate(undefined, {
      onSuccess: () => toast.success("Sync requested: the customer index updates in a moment."),
      onError: (error) => toast.error(error.message),
    });
  }

  return (
    <section
      aria-label="Customer index"
      className="mb-3 flex flex-wrap items-center justify-between gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white px-4 py-2.5 shadow-sm"
    >
      <div className="flex min-w-0 flex-1 flex-col gap-1.5">
        <p role="status" className={`flex items-center gap-2 text-sm ${tones[line.tone]}`}>
          {line.tone === "busy" && <Spinner />}
          <span>{line.text}</span>
        </p>
        {line.progress && (
          <div
            role="progressbar"
            aria-label="Indexing customers"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={`${percent}%: ${formatCount(line.progress.done)} of ${formatCount(line.progress.total)} customers indexed`}
            className="h-1.5 w-full max-w-md overflow-hidden rounded-full bg-slate-200/80"
          >
            <div
              className="bg-brand-600 h-full rounded-full transition-[width] duration-700 ease-out"
              style={{ width: `${percent}%` }}
            />
          </div>
        )}
      </div>
      {canSync && (
        <Button variant="secondary" size="sm" onClick={requestSync} disabled={syncing}>
          {syncing ? "Syncing…" : "Sync now"}
        </Button>
      )}
    </section>
  );
}
