"use client";

import { useId, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format";
import type { LeadEvent } from "@/lib/leads/lead-detail";
import { describeEvent, eventActorName } from "@/lib/leads/lead-display";
import { checkNote } from "@/lib/leads/lead-work";
import { useAddLeadNote } from "@/lib/queries/lead-work";
import { LeadNoteInput } from "./lead-note-input";

export interface LeadNotesProps {
  leadKey: number;
  /** The lead's history; its notes are listed, newest first, with their author and time. */
  events: readonly LeadEvent[];
  canAdd: boolean;
  timeZone: string;
}

export function LeadNotes({ leadKey, events, canAdd, timeZone }: LeadNotesProps) {
  const id = useId();
  const addNote = useAddLeadNote(leadKey);
  const [text, setText] = useState("");
  const [error, setError] = useState<string>();
  const notes = events.filter(
    (event) => event.kind === "note" || (event.kind === "status" && event.data?.note),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkNote(text);
    if (!checked.ok) {
      setError(checked.refusal.message);
      return;
    }
    setError(undefined);
    addNote.mutate(checked.write, {
      onSuccess: () => {
        toast.success("Note added");
        setText("");
      },
      onError: (failure) => setError(failure.message),
    });
  }

  return (
    <div className="flex flex-col gap-4">
      {canAdd && (
        <form onSubmit={submit} className="flex flex-col gap-3" aria-label="Add a note" noValidate>
          <LeadNoteInput id={`${id}-text`} label="Add a note" value={text} onChange={setText} error={error} />
          <div>
            <Button type="submit" disabled={addNote.isPending}>
              {addNote.isPending ? "Adding…" : "Add note"}
            </Button>
          </div>
        </form>
      )}
      {notes.length === 0 ? (
        <p className="text-sm text-slate-600">No notes yet.</p>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-100" aria-label="Notes">
          {[...notes].reverse().map((note) => (
            <li key={note.id} className="py-2">
              <p className="whitespace-pre-wrap break-words text-sm text-slate-900">
                {describeEvent(note).note}
              </p>
              <p className="mt-1 text-xs text-slate-500">
                {eventActorName(note)} · <time dateTime={note.at}>{formatDateTime(note.at, timeZone)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
