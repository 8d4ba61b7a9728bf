"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { ReviewCounts } from "@/lib/csv";
import { useSendUploadPart } from "@/lib/queries/upload-parts";
import { useRecordUploadBatch } from "@/lib/queries/uploads";
import type { Upload } from "@/lib/recapture/schemas";
import { uploadSettings, type SettingsValues } from "@/components/upload-wizard/settings-form";
import type { Pipeline } from "@/components/upload-wizard/use-pipeline";

export type SendStage = "prepare" | "part" | "record";

export interface SendState {
  phase: "preparing" | "ready" | "working" | "failed" | "done";
  stage: SendStage;
  /** Parts of this upload, once prepared. */
  parts: number;
  /** Parts the API has accepted, in order; kept across a failure so a retry sends only the rest. */
  accepted: Upload[];
  failure?: string;
}

export interface SendUploadOptions {
  run: Pipeline["run"];
  fileName: string;
  counts: ReviewCounts;
  settings: SettingsValues;
  maxCustomersPerUpload: number;
}

interface Prepared {
  bodies: string[];
  notSentCsv?: string;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Prepares the request bodies in the worker as soon as the step opens (so the summary
 * shows the real number of parts), then, on send, queues the parts one by one through
 * the proxy, records them as one file in the register and opens the progress page of
 * the first part. A failure stops where it happened; sending again carries on from
 * there, so no part is sent twice and none is lost.
 */
export function useSendUpload({ run, fileName, counts, settings, maxCustomersPerUpload }: SendUploadOptions) {
  const router = useRouter();
  const sendPart = useSendUploadPart();
  const recordBatch = useRecordUploadBatch();
  const [prepared, setPrepared] = useState<Prepared>();
  const [preparation, setPreparation] = useState(0);
  const [state, setState] = useState<SendState>({
    phase: "preparing",
    stage: "prepare",
    parts: 0,
    accepted: [],
  });
  const update = (changes: Partial<SendState>) => setState((current) => ({ ...current, ...changes }));

  useEffect(() => {
    let current = true;
    (async () => {
      const bodies = await run(
        { type: "payloads", settings: uploadSettings(settings), maxCustomersPerUpload },
        "Preparing the upload…",
      );
      const notSentCsv = counts.notSent > 0 ? await run({ type: "not-sent-csv" }) : undefined;
      return { bodies, notSentCsv };
    })().then(
      (ready) => {
        if (!current) return;
        setPrepared(ready);
        setState((state) => ({ ...state, phase: "ready", parts: ready.bodies.length }));
      },
      (error: unknown) =>
        current && setState((state) => ({ ...state, phase: "failed", failure: messageOf(error) })),
    );
    return () => {
      current = false;
    };
  }, [run, settings, counts.notSent, maxCustomersPerUpload, preparation]);

  async function send() {
    if (!prepared) {
      update({ phase: "preparing", failure: undefined });
      setPreparation((count) => count + 1);
      return;
    }
    let stage: SendStage = "part";
    let accepted = state.accepted;
    try {
      update({ phase: "working", stage, failure: undefined });
      for (let part = accepted.length; part < prepared.bodies.length; part++) {
        const { upload } = await sendPart.mutateAsync(prepared.bodies[part] ?? "");
        accepted = [...accepted, upload];
        update({ accepted });
      }
      stage = "record";
      update({ stage });
      const { upload } = await recordBatch.mutateAsync({
        name: settings.name.trim(),
        fileName,
        rowsInFile: counts.rowsInFile,
        sent: counts.sent,
        notSent: counts.notSent,
        notSentCsv: prepared.notSentCsv,
        uploadIds: accepted.map(({ id }) => id),
      });
      update({ phase: "done" });
      router.push(`/uploads/${encodeURIComponent(upload.id)}`);
    } catch (error) {
      update({ phase: "failed", stage, failure: messageOf(error) });
    }
  }

  return { state, send };
}
