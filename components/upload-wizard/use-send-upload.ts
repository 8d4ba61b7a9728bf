"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { ReviewCounts, UploadSettings } from "@/lib/csv";
import { useSendUploadPart } from "@/lib/queries/upload-parts";
import { useRecordUploadBatch } from "@/lib/queries/uploads";
import type { Upload } from "@/lib/recapture/schemas";
import type { Pipeline } from "@/components/upload-wizard/use-pipeline";

export type SendStage = "prepare" | "part" | "record";

export interface SendState {
  phase: "idle" | "working" | "failed" | "done";
  stage: SendStage;
  /** Parts in this upload; known once prepared. */
  parts: number;
  /** Parts the API has accepted, in order; kept across a failure so a retry sends only the rest. */
  accepted: Upload[];
  failure?: string;
}

export interface SendUploadOptions {
  run: Pipeline["run"];
  fileName: string;
  counts: ReviewCounts;
  settings: UploadSettings;
  maxCustomersPerUpload: number;
}

/**
 * Sends the parts one by one through the proxy, records them as one file in the
 * register, then opens the progress page of the first part. A failure stops where it
 * happened; sending again carries on from there, so no part is sent twice or lost.
 */
export function useSendUpload({ run, fileName, counts, settings, maxCustomersPerUpload }: SendUploadOptions) {
  const router = useRouter();
  const sendPart = useSendUploadPart();
  const recordBatch = useRecordUploadBatch();
  const prepared = useRef<{ bodies: string[]; notSentCsv?: string }>(undefined);
  const [state, setState] = useState<SendState>({ phase: "idle", stage: "prepare", parts: 0, accepted: [] });

  async function send() {
    let stage: SendStage = "prepare";
    let accepted = state.accepted;
    const update = (changes: Partial<SendState>) => setState((current) => ({ ...current, ...changes }));
    try {
      update({ phase: "working", stage, failure: undefined });
      prepared.current ??= {
        bodies: await run({ type: "payloads", settings, maxCustomersPerUpload }, "Preparing the upload…"),
        notSentCsv: counts.notSent > 0 ? await run({ type: "not-sent-csv" }) : undefined,
      };
      const { bodies, notSentCsv } = prepared.current;
      stage = "part";
      update({ stage, parts: bodies.length });
      for (let part = accepted.length; part < bodies.length; part++) {
        const { upload } = await sendPart.mutateAsync(bodies[part] ?? "");
        accepted = [...accepted, upload];
        update({ accepted });
      }
      stage = "record";
      update({ stage });
      const { upload } = await recordBatch.mutateAsync({
        name: settings.name,
        fileName,
        rowsInFile: counts.rowsInFile,
        sent: counts.sent,
        notSent: counts.notSent,
        notSentCsv,
        uploadIds: accepted.map(({ id }) => id),
      });
      update({ phase: "done" });
      router.push(`/uploads/${encodeURIComponent(upload.id)}`);
    } catch (error) {
      update({ phase: "failed", stage, failure: error instanceof Error ? error.message : String(error) });
    }
  }

  return { state, send };
}
