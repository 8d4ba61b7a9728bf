"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { ReviewCounts } from "@/lib/csv";
import { ApiError } from "@/lib/queries/api";
import { checkSentPart, readSentPart, useSendUploadPart } from "@/lib/queries/upload-parts";
import { useRecordUploadBatch } from "@/lib/queries/uploads";
import { newPartId } from "@/lib/uploads/part-id";
import type { SentPart } from "@/lib/uploads/register-schemas";
import { uploadSettings, type SettingsValues } from "@/components/upload-wizard/settings-form";
import type { Pipeline } from "@/components/upload-wizard/use-pipeline";

export type SendStage = "prepare" | "part" | "record";

/** A part the API confirmed, or that a check found upstream (its upload id lost with the answer). */
export interface SettledPart {
  partId: string;
  uploadId: string | null;
}

/**
 * A part whose request failed without saying whether it was queued. `check`:
 * looking upstream (`checking`), not able to tell yet (`waiting`, with what it
 * found), found not received (`not_arrived`: it may be sent), or the check
 * itself failed (`failed`: try again).
 */
export interface UnconfirmedPart {
  index: number;
  reason: string;
  check: "checking" | "waiting" | "not_arrived" | "failed";
  finding?: string;
}

export interface SendState {
  phase: "preparing" | "ready" | "working" | "unconfirmed" | "failed" | "done";
  stage: SendStage;
  /** Parts of this upload, once prepared. */
  parts: number;
  /** Parts settled, in order; kept across a failure so sending again carries on with the rest. */
  settled: SettledPart[];
  unconfirmed?: UnconfirmedPart;
  /** Said once a part that wasn't confirmed turns out to have arrived. */
  arrival?: string;
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
  /** One id per part, kept for every attempt so the server recognises a retry. */
  partIds: string[];
  notSentCsv?: string;
}

/** How often the wizard asks again while a check can't tell yet. */
const RECHECK_MS = 3_000;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The dashboard answered that nothing was queued: its own checks, or the API's refusal. */
const isRefusal = (error: unknown) =>
  error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 409;

/** Worth asking again by itself: the network, the dashboard or the API busy or down. */
const isPassing = (error: unknown) =>
  error instanceof ApiError && (error.status === 0 || error.status === 429 || error.status >= 500);

/** Stops the loop where the person has to act; the state already says why. */
class Stop extends Error {}

function arrivalText(part: SentPart, label: string): string {
  return part.uploadId
    ? `${label} arrived: linked to upload ${part.uploadId}.`
    : `${label} arrived: its customers are in the Recapture API, though its upload id was lost with the answer.`;
}

/**
 * Prepares the request bodies in the worker as soon as the step opens (so the summary
 * shows the real number of parts), then, on send, queues the parts one by one through
 * the proxy, records them as one file in the register and opens its progress page.
 * A part is never sent blindly twice: after a failure that leaves its fate open (a
 * timeout, a lost connection, a restart) the wizard asks the dashboard to check
 * whether its customers reached the API, links it when they did, and offers to send
 * it only when they didn't.
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
    settled: [],
  });
  const update = (changes: Partial<SendState>) => setState((current) => ({ ...current, ...changes }));
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    let current = true;
    (async () => {
      const bodies = await run(
        { type: "payloads", settings: uploadSettings(settings), maxCustomersPerUpload },
        "Preparing the upload…",
      );
      const notSentCsv = counts.notSent > 0 ? await run({ type: "not-sent-csv" }) : undefined;
      return { bodies, partIds: bodies.map(newPartId), notSentCsv };
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

  const partLabel = (index: number, parts: number) => (parts > 1 ? `Part ${index + 1}` : "It");

  /**
   * Finds out what became of a part whose request failed ambiguously, checking
   * upstream and asking again while the check can't tell. Settles it, or stops.
   */
  async function reconcile(
    index: number,
    partId: string,
    reason: string,
    parts: number,
  ): Promise<SettledPart> {
    const unconfirmed = (changes: Omit<UnconfirmedPart, "index" | "reason">) =>
      update({ phase: "unconfirmed", unconfirmed: { index, reason, ...changes } });
    unconfirmed({ check: "checking" });
    for (;;) {
      if (!mounted.current) throw new Stop();
      let part: SentPart;
      try {
        part = await readSentPart(partId);
        // The register's short reason rather than the whole message the failed request carried.
        reason = part.reason ?? reason;
        if (part.state === "not_confirmed" || part.state === "not_arrived")
          part = await checkSentPart(partId);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404 && error.code === "unknown_part") {
          // The request never reached the dashboard: nothing was sent.
          update({ phase: "failed", unconfirmed: undefined, failure: reason });
          throw new Stop();
        }
        if (!isPassing(error)) {
          unconfirmed({ check: "failed", finding: messageOf(error) });
          throw new Stop();
        }
        unconfirmed({ check: "waiting", finding: `${messageOf(error)} Trying again…` });
        await new Promise((resolve) => setTimeout(resolve, RECHECK_MS));
        continue;
      }
      if (part.state === "queued" || part.state === "arrived") {
        update({ arrival: arrivalText(part, partLabel(index, parts)), unconfirmed: undefined });
        return { partId, uploadId: part.uploadId };
      }
      if (part.state === "not_arrived") {
        unconfirmed({ check: "not_arrived", finding: part.finding ?? undefined });
        throw new Stop();
      }
      unconfirmed({ check: "waiting", finding: part.finding ?? undefined });
      await new Promise((resolve) => setTimeout(resolve, RECHECK_MS));
    }
  }

  async function deliver(index: number, ready: Prepared): Promise<SettledPart> {
    const partId = ready.partIds[index]!;
    const open = state.unconfirmed?.index === index ? state.unconfirmed : undefined;
    // A check that failed is taken up again; a part checked as not received is sent again.
    if (open && open.check !== "not_arrived")
      return reconcile(index, partId, open.reason, ready.bodies.length);
    try {
      const { upload } = await sendPart.mutateAsync({ body: ready.bodies[index] ?? "", partId });
      return { partId, uploadId: upload.id };
    } catch (error) {
      if (isRefusal(error)) throw error;
      return reconcile(index, partId, messageOf(error), ready.bodies.length);
    }
  }

  async function send() {
    if (!prepared) {
      update({ phase: "preparing", failure: undefined });
      setPreparation((count) => count + 1);
      return;
    }
    let stage: SendStage = "part";
    let settled = state.settled;
    try {
      update({ phase: "working", stage, failure: undefined });
      for (let index = settled.length; index < prepared.bodies.length; index++) {
        settled = [...settled, await deliver(index, prepared)];
        update({ phase: "working", settled, unconfirmed: undefined });
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
        partIds: settled.map(({ partId }) => partId),
      });
      update({ phase: "done" });
      router.push(`/uploads/${encodeURIComponent(upload.id)}`);
    } catch (error) {
      if (error instanceof Stop) return;
      update({ phase: "failed", stage, unconfirmed: undefined, failure: messageOf(error) });
    }
  }

  return { state, send };
}
