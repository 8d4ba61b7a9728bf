import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/format";
import { customerContact, telHref } from "@/lib/leads/contact-fields";
import type { LeadCustomer, LeadSummary } from "@/lib/leads/lead-detail";
import { daysListedText, priceWithChange, safeListingUrl } from "@/lib/leads/lead-display";

export interface LeadFactsProps {
  lead: LeadSummary;
  customer: LeadCustomer | null;
  timeZone: string;
}

/** What a salesperson needs before picking up the phone: the listing, the price, the car and the customer. */
export function LeadFacts({ lead, customer, timeZone }: LeadFactsProps) {
  const { price, change } = priceWithChange(lead);
  const contact = customer ? customerContact(customer.additionalFields) : { name: null, phone: null };
  const tel = contact.phone ? telHref(contact.phone) : null;
  const href = safeListingUrl(lead.listingUrl);
  const facts: [string, ReactNode][] = [
    [
      "Listing",
      href ? (
        <a
          href={href}
          target="_blank"
          rel="noopener noreferrer"
          className="break-words font-medium text-brand-700 underline-offset-2 hover:underline"
        >
          {lead.listingTitle ?? "Untitled listing"}
          <span className="sr-only"> (opens in a new tab)</span>
        </a>
      ) : (
        <>
          {lead.listingTitle ?? "Untitled listing"} <span className="text-xs text-slate-500">(no link)</span>
        </>
      ),
    ],
    [
      "Price",
      <>
        <span className="tabular-nums">{price}</span>
        {change && (
          <span
            className={`ml-2 tabular-nums ${change.startsWith("▼") ? "text-emerald-700" : "text-slate-600"}`}
          >
            {change}
            <span className="sr-only"> since first seen</span>
          </span>
        )}
      </>,
    ],
    ["Days listed", daysListedText(lead, timeZone)],
    [
      "Seller",
      lead.sellerType ? (
        <Badge tone={lead.sellerType === "private" ? "success" : "brand"}>
          {lead.sellerType === "private" ? "Private" : "Dealer"}
        </Badge>
      ) : (
        "Unknown"
      ),
    ],
    [
      "First seen",
      <time key="seen" dateTime={lead.firstSeenAt}>
        {formatDateTime(lead.firstSeenAt, timeZone)}
      </time>,
    ],
    ["Customer's vehicle", customer?.vehicleTitle ?? "—"],
    ["Rego", customer?.rego ?? "—"],
    ["State", customer?.state ?? "—"],
    ["Name", contact.name ?? "—"],
    [
      "Phone",
      tel ? (
        <a href={tel} className="text-brand-700 hover:underline">
          {contact.phone}
        </a>
      ) : (
        (contact.phone ?? "—")
      ),
    ],
  ];
  return (
    <div className="flex flex-col gap-3">
      <dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-2">
        {facts.map(([term, value]) => (
          <div key={term} className="min-w-0">
            <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{term}</dt>
            <dd className="mt-0.5 text-sm text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      {customer ? (
        <Link
          href={`/customers/${encodeURIComponent(customer.id)}`}
          className="text-sm font-medium text-brand-700 hover:underline"
        >
          Open the customer&apos;s page
        </Link>
      ) : (
        <p className="text-sm text-slate-600">
          This customer is no longer in the customer index; the lead is kept as the dealership&apos;s record.
        </p>
      )}
    </div>
  );
}
