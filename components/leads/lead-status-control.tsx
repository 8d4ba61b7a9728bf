"use client";

import { useId, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { LEAD_STATUS_LABELS, type LeadStatus, type LostReason } from "@/lib/leads/lead-status";
import { NOTE_MAX_LENGTH } from "@/lib/leads/lead-work";
import { useSetLeadStatus } from "@/lib/queries/lead-work";
import { LeadNoteInput } from "./lead-note-input";
import { LeadStatusSelect, LostReasonSelect } from "./lead-status-selects";

export interface LeadStatusControlProps {
  leadKey: number;
  status: LeadStatus;
  /** What this person may move the lead to now (lib/leads/lead-work.ts nextStatuses). */
  nextStatuses: LeadStatus[];
}

/** Moves the lead on: the allowed next steps, a reason when it is Lost, and a note to go with it. */
export function LeadStatusControl({ leadKey, status, nextStatuses }: LeadStatusControlProps) {
  const id = useId();
  const setStatus = useSetLeadStatus(leadKey);
  const [next, setNext] = useState<LeadStatus | "">("");
  const [reason, setReason] = useState<LostReason | "">("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<{ status?: string; reason?: string; note?: string }>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      status: next === "" ? "Choose the new status." : undefined,
      reason: next === "lost" && reason === "" ? "Say why it was lost." : undefined,
      note:
        next === "lost" && reason === "other" && note.trim() === ""
          ? "Add a note saying why it was lost."
          : note.length > NOTE_MAX_LENGTH
            ? `A note can be at most ${NOTE_MAX_LENGTH.toLocaleString("en-AU")} characters.`
            : undefined,
    };
    setErrors(found);
    if (next === "" || found.reason || found.note) return;
    setStatus.mutate(
      {
        status: next,
        from: status,
        lostReason: next === "lost" ? reason || null : null,
        note: note.trim() || null,
      },
      {
        onSuccess: () => {
          toast.success(`Status set to ${LEAD_STATUS_LABELS[next]}`);
          setNext("");
          setReason("");
          setNote("");
        },
        onError: (error) => toast.error("Couldn't change the status", { description: error.message }),
      },
    );
  }

  if (nextStatuses.length === 0) return null;
  return (
    <form onSubmit={submit} className="flex flex-col gap-3" aria-label="Change status" noValidate>
      <FormField id={`${id}-status`} label="New status" error={errors.status}>
        {(control) => (
          <LeadStatusSelect {...control} statuses={nextStatuses} value={next} onChange={setNext} />
        )}
      </FormField>
      {next === "lost" && (
        <FormField id={`${id}-reason`} label="Why was it lost?" error={errors.reason}>
          {(control) => <LostReasonSelect {...control} value={reason} onChange={setReason} />}
        </FormField>
      )}
      <LeadNoteInput
        id={`${id}-note`}
        label={next === "lost" && reason === "other" ? "Note" : "Note (optional)"}
        value={note}
        onChange={setNote}
        error={errors.note}
      />
      <div>
        <Button type="submit" disabled={setStatus.isPending}>
          {setStatus.isPending ? "Saving…" : "Save status"}
        </Button>
      </div>
    </form>
  );
}
