import Link from "next/link";
import { regoAndState, vehicleOf } from "@/lib/leads/lead-display";
import type { LeadListEntry } from "@/lib/leads/lead-list";

export interface LeadVehicleLinkProps {
  lead: Pick<LeadListEntry, "key" | "customer" | "listingTitle">;
}

/** The customer's vehicle, linking to the lead's page, with its rego and state under it. */
export function LeadVehicleLink({ lead }: LeadVehicleLinkProps) {
  const plate = regoAndState(lead);
  return (
    <span className="flex flex-col">
      <Link
        href={`/leads/${lead.key}`}
        // Up to 500 links per page: prefetching each lead's page would cost more than it saves.
        prefetch={false}
        className="font-semibold text-brand-700 underline-offset-2 hover:underline"
      >
        {vehicleOf(lead)}
      </Link>
      {plate && <span className="text-xs text-slate-600">{plate}</span>}
    </span>
  );
}
