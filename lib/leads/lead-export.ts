import { DEFAULT_PAGE_SIZE } from "@/components/data-table/data-table-features";
import { dayCells, type ExportCell } from "@/lib/spreadsheet-export/cells";
import type { LeadListEntry } from "./lead-list";
import { leadListSearchString, type LeadListSearch } from "./lead-list-params";
import { daysListed } from "./lead-display";
import { LEAD_STATUS_LABELS } from "./lead-status";

/**
 * A lead as a row of the leads export, the inbox's facts one value a cell, so a
 * spreadsheet can sort, filter and sum them: the day first seen dd/mm/yyyy in the
 * dealership's zone, prices and their change in dollars as numbers.
 */

export const LEAD_EXPORT_HEADERS = [
  "Seen",
  "Days listed",
  "Vehicle",
  "Rego",
  "State",
  "Listing title",
  "Listing URL",
  "Price (AUD)",
  "Change since first seen (AUD)",
  "Seller type",
  "Customer name",
  "Phone",
  "Status",
  "Assignee",
] as const;

const SELLER_TYPES = { private: "Private", dealer: "Dealer" } as const;

/** Writes leads as rows under LEAD_EXPORT_HEADERS, days in `timeZone`, days listed as of `now`. */
export function leadExportRows(timeZone: string, now: Date) {
  const dayCell = dayCells(timeZone);
  return (lead: LeadListEntry): ExportCell[] => [
    dayCell(lead.firstSeenAt),
    daysListed(lead, now),
    lead.customer.vehicleTitle,
    lead.customer.rego,
    lead.customer.state,
    lead.listingTitle,
    lead.listingUrl,
    lead.price,
    lead.price !== null && lead.firstPrice !== null ? lead.price - lead.firstPrice : null,
    lead.sellerType ? SELLER_TYPES[lead.sellerType] : null,
    lead.customer.name,
    lead.customer.phone,
    LEAD_STATUS_LABELS[lead.status],
    lead.assignee?.name ?? null,
  ];
}

export const LEADS_EXPORT_URL = "/api/leads/export";

/** The export of every lead the inbox's filters match, in its order (its page and size aside). */
export function leadsExportHref(search: LeadListSearch, format: "csv" | "xlsx"): string {
  const params = new URLSearchParams(
    leadListSearchString({ ...search, page: 1, pageSize: DEFAULT_PAGE_SIZE }),
  );
  params.set("format", format);
  return `${LEADS_EXPORT_URL}?${params}`;
}
