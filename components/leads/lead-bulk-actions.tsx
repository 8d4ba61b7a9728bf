"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { bulkActionFromChoice, type BulkActionChoice } from "@/lib/leads/bulk-action-form";
import { bulkSummary } from "@/lib/leads/bulk-summary";
import type { BulkAction, BulkResult } from "@/lib/leads/lead-detail";
import { LEAD_STATUSES, type LeadStatus, type LostReason } from "@/lib/leads/lead-status";
import { NOTE_MAX_LENGTH } from "@/lib/leads/lead-work";
import { leadWorkQueries, useBulkLeadAction } from "@/lib/queries/lead-work";
import { LeadStatusSelect, LostReasonSelect } from "./lead-status-selects";

/** Any status but New: the bulk form moves leads on; reopening one as New is done on its own page, by a manager. */
const BULK_STATUSES = LEAD_STATUSES.filter((option) => option !== "new");

export interface LeadBulkActionsProps {
  selectedKeys: number[];
  /** Managers and admins assign; staff only set status (on leads of theirs or nobody's). */
  canAssign: boolean;
  /** Called once the server has answered, with what changed and what was refused. */
  onDone(result: BulkResult & { summary: string }): void;
}

/** "Assign to…" and "Set status…" for the leads selected on the /leads list. */
export function LeadBulkActions({ selectedKeys, canAssign, onDone }: LeadBulkActionsProps) {
  const id = useId();
  const bulk = useBulkLeadAction();
  const assignees = useQuery({ ...leadWorkQueries.assignees(), enabled: canAssign });
  const [assignee, setAssignee] = useState("");
  const [status, setStatus] = useState<LeadStatus | "">("");
  const [lostReason, setLostReason] = useState<LostReason | "">("");
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<{ field: string; message: string }>();
  const [summary, setSummary] = useState<string>();
  const none = selectedKeys.length === 0;

  function run(choice: BulkActionChoice) {
    const checked = bulkActionFromChoice(choice);
    if (!checked.ok) {
      setProblem(checked);
      return;
    }
    setProblem(undefined);
    const action: BulkAction = checked.action;
    bulk.mutate(
      { leadKeys: selectedKeys, action },
      {
        onSuccess: (result) => {
          const name =
            action.kind === "assign"
              ? assignees.data?.find((person) => person.id === action.userId)?.name
              : null;
          const said = bulkSummary(result, action, name);
          setSummary(said);
          onDone({ ...result, summary: said });
        },
        onError: (error) => setSummary(`Nothing was changed: ${error.message}`),
      },
    );
  }

  const submit = (choice: () => BulkActionChoice) => (event: FormEvent) => {
    event.preventDefault();
    run(choice());
  };
  const errorOf = (field: string) => (problem?.field === field ? problem.message : undefined);

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
        {canAssign && (
          <form
            className="flex flex-wrap items-end gap-2"
            aria-label="Assign selected leads"
            onSubmit={submit(() => ({ kind: "assign", assignee }))}
          >
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={`${id}-assignee`}>Assign to…</Label>
              <Select
                id={`${id}-assignee`}
                value={assignee}
                onChange={(event) => setAssignee(event.target.value)}
                disabled={assignees.isPending}
              >
                <option value="">Nobody</option>
                {assignees.data?.map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.name}
                  </option>
                ))}
              </Select>
            </div>
            <Button type="submit" disabled={none || bulk.isPending}>
              Assign
            </Button>
          </form>
        )}
        <form
          className="flex flex-wrap items-end gap-2"
          aria-label="Set status of selected leads"
          onSubmit={submit(() => ({ kind: "status", status, lostReason, note }))}
          noValidate
        >
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={`${id}-status`}>Set status…</Label>
            <LeadStatusSelect
              id={`${id}-status`}
              statuses={BULK_STATUSES}
              value={status}
              onChange={setStatus}
              aria-invalid={Boolean(errorOf("status"))}
              aria-describedby={errorOf("status") ? `${id}-status-error` : undefined}
            />
          </div>
          {status === "lost" && (
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={`${id}-reason`}>Why lost?</Label>
              <LostReasonSelect
                id={`${id}-reason`}
                value={lostReason}
                onChange={setLostReason}
                aria-invalid={Boolean(errorOf("lostReason"))}
                aria-describedby={errorOf("lostReason") ? `${id}-reason-error` : undefined}
              />
            </div>
          )}
          {status === "lost" && lostReason === "other" && (
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={`${id}-note`}>Note</Label>
              <input
                id={`${id}-note`}
                value={note}
                maxLength={NOTE_MAX_LENGTH}
                onChange={(event) => setNote(event.target.value)}
                aria-invalid={Boolean(errorOf("note"))}
                aria-describedby={errorOf("note") ? `${id}-note-error` : undefined}
                className="h-9 rounded-md border border-slate-300 bg-white px-3 text-sm shadow-sm aria-[invalid=true]:border-red-500"
              />
            </div>
          )}
          <Button type="submit" disabled={none || bulk.isPending}>
            {bulk.isPending ? "Working…" : "Set status"}
          </Button>
        </form>
      </div>
      <FieldError
        id={`${id}-${problem?.field === "lostReason" ? "reason" : problem?.field}-error`}
        message={problem?.message}
      />
      <p role="status" className="text-sm text-slate-700">
        {summary}
      </p>
    </div>
  );
}
