import { safeListingUrl, type LeadListEntry } from "@/lib/leads/lead-list";

export interface LeadListingLinkProps {
  lead: Pick<LeadListEntry, "listingUrl" | "listingTitle">;
}

/** The listing's title, linking to the listing in a new tab when its link is https (checked again here). */
export function LeadListingLink({ lead }: LeadListingLinkProps) {
  const title = lead.listingTitle ?? "Untitled listing";
  const href = safeListingUrl(lead.listingUrl);
  if (!href)
    return (
      <span>
        {title} <span className="text-xs text-slate-500">(no link)</span>
      </span>
    );
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      className="font-medium text-brand-700 underline-offset-2 hover:underline"
    >
      {title}
      <span aria-hidden="true" className="ml-1 text-xs">
        ↗
      </span>
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}
