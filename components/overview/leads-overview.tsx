"use client";

import { useQuery } from "@tanstack/react-query";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { LeadsByWeekChart } from "@/components/overview/leads-by-week-chart";
import { LeadsByWeekTable } from "@/components/overview/leads-by-week-table";
import { OverviewFigures } from "@/components/overview/overview-figures";
import { weekLabel } from "@/components/overview/overview-display";
import { OVERVIEW_WEEKS } from "@/lib/leads/overview";
import { overviewQueries } from "@/lib/queries/overview";

/** How the leads are going: the figures, then the last weeks' leads by outcome as a chart and a table. */
export function LeadsOverview() {
  const { data: overview, error, refetch, isRefetching } = useQuery(overviewQueries.figures());

  if (error && !overview)
    return (
      <ErrorState
        title="Couldn't load the overview"
        message={error.message}
        onRetry={() => refetch()}
        retrying={isRefetching}
      />
    );
  if (!overview)
    return (
      <div aria-busy="true" className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <p className="sr-only" role="status">
          Loading the overview…
        </p>
        {Array.from({ length: 4 }, (_, index) => (
          <Skeleton key={index} className="h-36" />
        ))}
      </div>
    );
  if (!overview.anyLeads)
    return (
      <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <EmptyState
          title="No leads yet"
          description="They appear when a past customer's car is listed for sale."
        />
      </div>
    );

  const weeks = overview.weeks;
  return (
    <div className="space-y-6">
      <OverviewFigures overview={overview} />
      <Card title={`Leads per week, last ${OVERVIEW_WEEKS} weeks`}>
        <p className="mb-3 text-sm text-slate-600">
          Leads first seen each week, from {weekLabel(weeks[0]!.monday)} to {weekLabel(weeks.at(-1)!.monday)},
          by where they stand now.
        </p>
        <LeadsByWeekChart weeks={weeks} />
        <LeadsByWeekTable weeks={weeks} />
      </Card>
    </div>
  );
}
