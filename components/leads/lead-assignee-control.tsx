"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import type { LeadPerson } from "@/lib/leads/lead-detail";
import { leadWorkQueries, useAssignLead } from "@/lib/queries/lead-work";

export interface LeadAssigneeControlProps {
  leadKey: number;
  assignee: LeadPerson | null;
  /** The person looking: a manager allocates to anyone; staff may take a lead of nobody's or hand theirs back. */
  viewer: { id: number; canAllocate: boolean; canWork: boolean };
}

export function LeadAssigneeControl({ leadKey, assignee, viewer }: LeadAssigneeControlProps) {
  const assign = useAssignLead(leadKey);
  const assignTo = (userId: number | null, done: string) =>
    assign.mutate(userId, {
      onSuccess: () => toast.success(done),
      onError: (error) => toast.error("Couldn't change who has this lead", { description: error.message }),
    });

  if (viewer.canAllocate)
    return <AllocateForm assignee={assignee} pending={assign.isPending} onAssign={assignTo} />;
  if (!viewer.canWork) return null;
  if (assignee === null)
    return (
      <Button onClick={() => assignTo(viewer.id, "The lead is yours")} disabled={assign.isPending}>
        Take this lead
      </Button>
    );
  if (assignee.id === viewer.id)
    return (
      <Button variant="secondary" onClick={() => assignTo(null, "Handed back")} disabled={assign.isPending}>
        Hand back
      </Button>
    );
  return null;
}

function AllocateForm({
  assignee,
  pending,
  onAssign,
}: {
  assignee: LeadPerson | null;
  pending: boolean;
  onAssign: (userId: number | null, done: string) => void;
}) {
  const id = useId();
  const assignees = useQuery(leadWorkQueries.assignees());
  const [chosen, setChosen] = useState(assignee ? String(assignee.id) : "");

  function submit(event: FormEvent) {
    event.preventDefault();
    const userId = chosen === "" ? null : Number(chosen);
    const name = assignees.data?.find((person) => person.id === userId)?.name;
    onAssign(userId, userId === null ? "Unassigned" : `Assigned to ${name ?? "them"}`);
  }

  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2" aria-label="Assign">
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={id}>Assign to</Label>
        <Select
          id={id}
          value={chosen}
          onChange={(event) => setChosen(event.target.value)}
          disabled={assignees.isPending}
          aria-describedby={assignees.isError ? `${id}-error` : undefined}
        >
          <option value="">Nobody</option>
          {/* The current assignee stays choosable even if they are no longer among the active accounts. */}
          {assignee && !assignees.data?.some((person) => person.id === assignee.id) && (
            <option value={assignee.id}>{assignee.name}</option>
          )}
          {assignees.data?.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </Select>
      </div>
      <Button type="submit" disabled={pending || assignees.isPending}>
        {pending ? "Assigning…" : "Assign"}
      </Button>
      {assignees.isError && (
        <p id={`${id}-error`} className="w-full text-sm text-red-700">
          Couldn&apos;t load the people to assign to: {assignees.error.message}
        </p>
      )}
    </form>
  );
}
