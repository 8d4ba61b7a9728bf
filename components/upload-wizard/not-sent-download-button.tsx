"use client";

import { useState } from "react";
import { toast } from "sonner";
import { notSentFileName } from "@/lib/csv";
import { Button } from "@/components/ui/button";
import type { Pipeline } from "@/components/upload-wizard/use-pipeline";
import { formatCount } from "@/lib/format";

export interface NotSentDownloadButtonProps {
  run: Pipeline["run"];
  fileName: string;
  notSent: number;
}

/** Saves the rows not sent, as they stand now, with a `problem` column, for fixing and dropping in again. */
export function NotSentDownloadButton({ run, fileName, notSent }: NotSentDownloadButtonProps) {
  const [preparing, setPreparing] = useState(false);

  async function download() {
    setPreparing(true);
    try {
      const csv = await run({ type: "not-sent-csv" });
      const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = notSentFileName(fileName);
      link.click();
      // The click has handed the file to the browser; the URL is not needed after this turn.
      setTimeout(() => URL.revokeObjectURL(url), 0);
    } catch (error) {
      toast.error("The file of rows not sent couldn't be made", {
        description: error instanceof Error ? error.message : undefined,
      });
    } finally {
      setPreparing(false);
    }
  }

  return (
    <Button variant="secondary" onClick={download} disabled={notSent === 0 || preparing}>
      <svg
        aria-hidden="true"
        viewBox="0 0 20 20"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
        className="h-4 w-4"
      >
        <path d="M10 3v10m0 0-4-4m4 4 4-4M4 15v1.5A1.5 1.5 0 0 0 5.5 18h9a1.5 1.5 0 0 0 1.5-1.5V15" />
      </svg>
      {preparing ? "Preparing…" : `Download rows not sent (${formatCount(notSent)})`}
    </Button>
  );
}
