import { daysListedLabel, seenOn } from "@/lib/leads/lead-display";
import { LeadContact } from "@/components/leads/lead-contact";
import { LeadListingLink } from "@/components/leads/lead-listing-link";
import { LeadPrice } from "@/components/leads/lead-price";
import { LeadStatusBadge } from "@/components/leads/lead-status-badge";
import { LeadVehicleLink } from "@/components/leads/lead-vehicle-link";
import type { LeadSelection } from "@/components/leads/use-lead-selection";
import type { LeadListEntry } from "@/lib/leads/lead-list";

export interface LeadCardsProps {
  leads: readonly LeadListEntry[];
  timeZone: string;
  now: Date;
  selection: LeadSelection;
  busy: boolean;
}

/** The inbox on a phone: one card per lead, everything the table row says, stacked. */
export function LeadCards({ leads, timeZone, now, selection, busy }: LeadCardsProps) {
  return (
    <ul aria-label="Leads" aria-busy={busy} className={`flex flex-col gap-3 ${busy ? "opacity-60" : ""}`}>
      {leads.map((lead) => (
        <li key={lead.key} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
          <div className="flex items-start gap-3">
            <input
              type="checkbox"
              aria-label={`Select lead ${lead.listingTitle ?? lead.leadId}`}
              className="mt-1 size-4 shrink-0 accent-brand-600"
              checked={selection.has(lead.key)}
              onChange={(event) => selection.setMany([lead.key], event.target.checked)}
            />
            <div className="flex min-w-0 flex-1 flex-col gap-2 text-sm">
              <div className="flex items-start justify-between gap-2">
                <LeadVehicleLink lead={lead} />
                <LeadStatusBadge status={lead.status} />
              </div>
              <LeadListingLink lead={lead} />
              <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                <LeadPrice lead={lead} />
                <span className="text-xs text-slate-600">
                  {lead.sellerType === "dealer"
                    ? "Dealer"
                    : lead.sellerType === "private"
                      ? "Private"
                      : "Seller not known"}
                </span>
              </div>
              <p className="text-xs text-slate-600 tabular-nums">
                Seen {seenOn(lead, timeZone)} · {daysListedLabel(lead, now)}
              </p>
              <div className="flex flex-wrap items-end justify-between gap-2 border-t border-slate-100 pt-2">
                <LeadContact customer={lead.customer} />
                <span className="text-xs text-slate-600">
                  {lead.assignee ? `Assigned to ${lead.assignee.name}` : "Nobody assigned"}
                </span>
              </div>
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
