import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import type { LeadSummary } from "@/lib/leads/lead-detail";
import { priceWithChange, statusText } from "@/lib/leads/lead-display";

export interface LeadOtherSightingsProps {
  leads: readonly LeadSummary[];
  timeZone: string;
}

/** The customer's other leads: the same car listed again, or listed elsewhere. */
export function LeadOtherSightings({ leads, timeZone }: LeadOtherSightingsProps) {
  if (leads.length === 0)
    return <p className="text-sm text-slate-600">No other sightings of this customer&apos;s car.</p>;
  return (
    <ul className="flex flex-col divide-y divide-slate-100">
      {leads.map((lead) => {
        const { price, change } = priceWithChange(lead);
        return (
          <li
            key={lead.key}
            className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2 text-sm"
          >
            <Link
              href={`/leads/${lead.key}`}
              className="font-medium text-brand-700 underline-offset-2 hover:underline"
            >
              {lead.listingTitle ?? "Untitled listing"}
            </Link>
            <span className="text-slate-600">
              First seen <time dateTime={lead.firstSeenAt}>{formatDateTime(lead.firstSeenAt, timeZone)}</time>{" "}
              · {price}
              {change && ` ${change}`} · {statusText(lead.status, lead.lostReason)}
              {lead.noLongerListedAt && " · no longer listed"}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
