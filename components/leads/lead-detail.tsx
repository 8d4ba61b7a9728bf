"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import type { Role } from "@/lib/auth/roles";
import type { LeadDetail as LeadDetailData } from "@/lib/leads/lead-detail";
import { statusText } from "@/lib/leads/lead-display";
import { canAllocate, canWork, isOpen, nextStatuses } from "@/lib/leads/lead-work";
import { ApiError } from "@/lib/queries/api";
import { leadWorkQueries } from "@/lib/queries/lead-work";
import { LeadAssigneeControl } from "./lead-assignee-control";
import { LeadFacts } from "./lead-facts";
import { LeadNotes } from "./lead-notes";
import { LeadOtherSightings } from "./lead-other-sightings";
import { LeadStatusControl } from "./lead-status-control";
import { LeadTimeline } from "./lead-timeline";

export interface LeadDetailProps {
  leadKey: number;
  /** The lead as the server read it for the page: shown at once, then kept fresh. */
  initial: LeadDetailData;
  viewer: { id: number; role: Role };
  timeZone: string;
}

export function LeadDetail({ leadKey, initial, viewer, timeZone }: LeadDetailProps) {
  const query = useQuery({ ...leadWorkQueries.detail(leadKey), initialData: initial });
  const backLink = (
    <Link href="/leads" className="text-sm font-medium text-brand-700 hover:underline">
      ← Back to leads
    </Link>
  );

  if (query.isError && !query.data) {
    const missing = query.error instanceof ApiError && query.error.status === 404;
    return (
      <div className="flex flex-col gap-4">
        {backLink}
        <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
          {missing ? (
            <EmptyState title="Lead not found" description="The link may be wrong." />
          ) : (
            <ErrorState
              title="Couldn't load this lead"
              message={query.error.message}
              onRetry={() => void query.refetch()}
              retrying={query.isFetching}
            />
          )}
        </div>
      </div>
    );
  }

  const { lead, customer, events, otherLeads } = query.data;
  const worked = {
    status: lead.status,
    assigneeUserId: lead.assignee?.id ?? null,
    firstContactedAt: lead.firstContactedAt,
  };
  const mayWork = canWork(viewer, worked);
  const steps = nextStatuses(viewer, worked);
  const title = lead.listingTitle ?? "Untitled listing";

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-3">
        {backLink}
        <div>
          <h1 className="break-words text-2xl font-semibold tracking-tight">{title}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <Badge tone={isOpen(lead.status) ? "brand" : lead.status === "won" ? "success" : "neutral"}>
              {statusText(lead.status, lead.lostReason)}
            </Badge>
            <span>{lead.assignee ? `Assigned to ${lead.assignee.name}` : "Assigned to nobody"}</span>
            {customer?.rego && <span>· {customer.rego}</span>}
          </p>
        </div>
      </div>

      {query.isError && (
        <p role="alert" className="text-sm text-red-700">
          Couldn&apos;t refresh this lead: {query.error.message}
        </p>
      )}

      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Lead" className="lg:col-span-2">
          <LeadFacts lead={lead} customer={customer} timeZone={timeZone} />
        </Card>
        <Card title="Work this lead">
          <div className="flex flex-col gap-5">
            <LeadAssigneeControl
              // A fresh form when someone else changes the assignee.
              key={lead.assignee?.id ?? "nobody"}
              leadKey={leadKey}
              assignee={lead.assignee}
              viewer={{ id: viewer.id, canAllocate: canAllocate(viewer), canWork: mayWork }}
            />
            {steps.length > 0 ? (
              <LeadStatusControl
                key={lead.status}
                leadKey={leadKey}
                status={lead.status}
                nextStatuses={steps}
              />
            ) : (
              <p className="text-sm text-slate-600">
                {mayWork
                  ? "This lead is closed; a manager can reopen it."
                  : lead.assignee && viewer.role !== "viewer"
                    ? `Only ${lead.assignee.name} or a manager can work this lead.`
                    : "You can read this lead; your role can't change it."}
              </p>
            )}
          </div>
        </Card>
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Notes">
          <LeadNotes leadKey={leadKey} events={events} canAdd={mayWork} timeZone={timeZone} />
        </Card>
        <Card title="History">
          <LeadTimeline events={events} timeZone={timeZone} />
        </Card>
      </div>

      <Card title={`Other sightings (${otherLeads.length})`}>
        <LeadOtherSightings leads={otherLeads} timeZone={timeZone} />
      </Card>
    </div>
  );
}
