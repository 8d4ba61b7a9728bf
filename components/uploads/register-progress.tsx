"use client";

import { UploadProgressBar } from "@/components/uploads/upload-progress-bar";
import { UploadStateBadge } from "@/components/uploads/upload-state-badge";
import { useLiveUpload } from "@/components/uploads/use-live-upload";
import { LIST_POLL_MS } from "@/lib/uploads/polling";
import { percentProcessed } from "@/lib/uploads/progress";
import type { RegisteredUpload } from "@/lib/uploads/register-schemas";
import { formatCount, formatQuantity } from "@/lib/format";

export interface RegisterProgressProps {
  upload: RegisteredUpload;
}

/** A register line's latest progress, kept moving (more gently than the progress page) while it runs. */
export function RegisterProgress({ upload }: RegisterProgressProps) {
  const live = useLiveUpload(upload, { activeMs: LIST_POLL_MS });
  const { totalProcessed, totalUploaded, totalErrors } = live.counters;
  return (
    <div className="flex min-w-56 flex-col gap-1.5">
      <div className="flex items-center justify-between gap-3">
        <UploadStateBadge state={live.state} reconnecting={live.reconnecting} />
        <span className="text-xs font-medium tabular-nums text-slate-700">
          {percentProcessed(live.counters)}%
        </span>
      </div>
      <UploadProgressBar
        counters={live.counters}
        state={live.state}
        reconnecting={live.reconnecting}
        label={`Progress of ${upload.name ?? "this upload"}`}
        size="sm"
      />
      <p className="text-xs tabular-nums text-slate-500">
        {formatCount(totalProcessed)} of {formatCount(totalUploaded)}
        {totalErrors > 0 && <span className="text-amber-700"> · {formatQuantity(totalErrors, "error")}</span>}
      </p>
    </div>
  );
}
