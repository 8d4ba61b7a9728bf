"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useCancelUpload } from "@/lib/queries/uploads";
import { countersOf, sumCounters, type UploadCounters } from "@/lib/uploads/progress";
import type { UploadPart } from "@/lib/uploads/register-schemas";
import { formatCount } from "@/lib/format";

export interface CancelUploadButtonProps {
  /** The upload the page is about, whose register line is read again afterwards. */
  uploadId: string;
  /** The parts still running: those the cancel stops. */
  runningParts: UploadPart[];
  counters: UploadCounters;
}

/**
 * Asks before stopping an upload. Its own dialog rather than the shared confirm
 * dialog, whose "Cancel" button would sit beside "Cancel upload" and mean the opposite.
 */
export function CancelUploadButton({ uploadId, runningParts, counters }: CancelUploadButtonProps) {
  const [open, setOpen] = useState(false);
  const cancel = useCancelUpload(uploadId);
  const remaining = counters.totalUploaded - counters.totalProcessed;

  function confirm() {
    cancel.mutate(runningParts, {
      onSuccess: (stopped) => {
        const at = sumCounters(stopped.map(countersOf));
        toast.success(
          `Upload cancelled with ${formatCount(at.totalProcessed)} of ${formatCount(at.totalUploaded)} customers processed.`,
        );
        setOpen(false);
      },
      onError: (error) => {
        toast.error(`Couldn't cancel the upload: ${error.message}`);
        setOpen(false);
      },
    });
  }

  return (
    <>
      <Button variant="secondary" className="text-red-700" onClick={() => setOpen(true)}>
        Cancel upload
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => !cancel.isPending && setOpen(next)}
        title="Cancel this upload?"
        description={
          <>
            The {formatCount(remaining)} customers not yet processed won’t be created. The{" "}
            {formatCount(counters.totalProcessed)} already processed stay. This can’t be undone.
          </>
        }
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={cancel.isPending}>
              Keep uploading
            </Button>
            <Button variant="danger" onClick={confirm} disabled={cancel.isPending}>
              {cancel.isPending ? "Cancelling…" : "Cancel upload"}
            </Button>
          </>
        }
      />
    </>
  );
}
