import { priceChange } from "@/lib/leads/lead-display";
import { formatAud } from "@/lib/format";
import type { LeadListEntry } from "@/lib/leads/lead-list";

export interface LeadPriceProps {
  lead: Pick<LeadListEntry, "price" | "firstPrice">;
}

/** "$27,000 ▼ $1,500": the asking price now and its change since first seen. */
export function LeadPrice({ lead }: LeadPriceProps) {
  if (lead.price === null) return <span className="text-slate-500">No price</span>;
  const change = priceChange(lead);
  return (
    <span className="whitespace-nowrap tabular-nums">
      <span className="font-medium text-slate-900">{formatAud(lead.price)}</span>
      {change && (
        <span
          className={`ml-1.5 text-xs font-medium ${change.direction === "down" ? "text-emerald-700" : "text-amber-800"}`}
        >
          <span aria-hidden="true">{change.shown}</span>
          <span className="sr-only">, {change.spoken}</span>
        </span>
      )}
    </span>
  );
}
