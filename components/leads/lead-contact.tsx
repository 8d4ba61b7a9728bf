import { telHref } from "@/lib/leads/contact-fields";
import type { LeadListEntry } from "@/lib/leads/lead-list";

export interface LeadContactProps {
  customer: LeadListEntry["customer"];
}

/** The customer's name and phone (a tel: link, to call from a phone), or why they aren't shown. */
export function LeadContact({ customer }: LeadContactProps) {
  if (!customer.indexed) return <span className="text-slate-500">No longer a customer in the index</span>;
  const tel = customer.phone ? telHref(customer.phone) : null;
  return (
    <span className="flex flex-col">
      <span className="text-slate-900">
        {customer.name ?? <span className="text-slate-500">No name</span>}
      </span>
      {customer.phone &&
        (tel ? (
          <a href={tel} className="whitespace-nowrap text-brand-700 underline-offset-2 hover:underline">
            {customer.phone}
          </a>
        ) : (
          <span className="whitespace-nowrap">{customer.phone}</span>
        ))}
    </span>
  );
}
