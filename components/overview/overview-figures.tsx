import Link from "next/link";
import { FigureCard } from "@/components/overview/figure-card";
import { formatContactTime, formatDay, formatRate } from "@/components/overview/overview-display";
import { formatCount, formatQuantity } from "@/lib/format";
import {
  CONTACT_DUE_HOURS,
  FIRST_CONTACT_DAYS,
  NOT_CONTACTED_LEADS_HREF,
  type LeadOverview,
} from "@/lib/leads/overview";

export interface OverviewFiguresProps {
  overview: LeadOverview;
}

/** The four figures a manager reads first: new leads, leads waiting for a call, how fast they're called, and wins. */
export function OverviewFigures({ overview }: OverviewFiguresProps) {
  const { newLeads, notContacted, firstContact, thisMonth } = overview;
  const thisMonday = overview.weeks.at(-1)!.monday;
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      <FigureCard title="New leads this week" figure={formatCount(newLeads.thisWeek)}>
        <p>First seen since Monday {formatDay(thisMonday)}.</p>
        <p>
          Last week: <span className="font-medium text-slate-900">{formatCount(newLeads.lastWeek)}</span>
        </p>
      </FigureCard>
      <FigureCard
        title={`Not contacted after ${CONTACT_DUE_HOURS} hours`}
        figure={
          <Link
            href={NOT_CONTACTED_LEADS_HREF}
            className="rounded text-brand-700 underline decoration-2 underline-offset-4 hover:text-brand-900"
          >
            {formatCount(notContacted)}
            <span className="sr-only"> {notContacted === 1 ? "lead" : "leads"} not contacted: show them</span>
          </Link>
        }
      >
        <p>Leads still new {CONTACT_DUE_HOURS} hours or more after they were first seen.</p>
      </FigureCard>
      <FigureCard
        title="Median time to first contact"
        figure={
          firstContact.medianMinutes === null ? "None yet" : formatContactTime(firstContact.medianMinutes)
        }
      >
        <p>
          From first seen to first contact, over the {formatQuantity(firstContact.contacted, "lead")} first
          contacted in the last {FIRST_CONTACT_DAYS} days.
        </p>
      </FigureCard>
      <FigureCard title="Won this month" figure={formatCount(thisMonth.won)}>
        <p>
          Win rate:{" "}
          <span className="font-medium text-slate-900">
            {thisMonth.winRate === null ? "none closed yet" : formatRate(thisMonth.winRate)}
          </span>
        </p>
        <p>
          Won ÷ (won + lost) of the leads closed since {formatDay(thisMonth.firstDay)}:{" "}
          {formatCount(thisMonth.won)} won, {formatCount(thisMonth.lost)} lost. Dismissed leads don&apos;t
          count.
        </p>
      </FigureCard>
    </div>
  );
}
