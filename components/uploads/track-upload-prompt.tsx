"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useTrackUpload } from "@/lib/queries/uploads";

export interface TrackUploadPromptProps {
  uploadId: string;
  canTrack: boolean;
}

/** An upload link for an upload the register doesn't hold yet (made elsewhere, or sent from another dashboard). */
export function TrackUploadPrompt({ uploadId, canTrack }: TrackUploadPromptProps) {
  const router = useRouter();
  const track = useTrackUpload();
  return (
    <div className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <EmptyState
        title="This upload isn’t in the register"
        description={
          <>
            Upload <span className="font-mono text-xs">{uploadId}</span> wasn’t sent from this dashboard.
            {canTrack ? " Track it to follow its progress here." : " Ask a staff member to track it."}
          </>
        }
        action={
          canTrack && (
            <div className="flex flex-col items-center gap-2">
              <Button
                onClick={() => track.mutate({ uploadId }, { onSuccess: () => router.refresh() })}
                disabled={track.isPending}
              >
                {track.isPending ? "Checking with the Recapture API…" : "Track this upload"}
              </Button>
              {track.isError && (
                <p role="alert" className="text-sm text-red-700">
                  {track.error.message}
                </p>
              )}
            </div>
          )
        }
      />
    </div>
  );
}
