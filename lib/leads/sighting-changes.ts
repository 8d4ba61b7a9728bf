import type { Sighting } from "@/lib/recapture/schemas";

/**
 * What a sync read of some customers means for their leads, worked out
 * without the database: the customers' sightings as the API gives them now,
 * against the leads already known for those customers (and for the lead ids
 * on the page). A lead is one sighting, keyed by the API's `lead_id`.
 */

/** A lead as the dashboard last recorded it. */
export interface KnownLead {
  key: number;
  leadId: string;
  customerId: string;
  price: number | null;
  /** False once the lead has dropped out of its customer's sightings. */
  listed: boolean;
  listingUrl: string | null;
  listingTitle: string | null;
  sellerType: Sighting["seller_type"];
}

/** A customer as just read from the API, with all of its sightings. */
export interface SightedCustomer {
  customerId: string;
  sightings: readonly Sighting[];
}

export interface LeadChanges {
  /** Lead ids never seen before: new leads. */
  added: { customerId: string; sighting: Sighting }[];
  /** Known leads whose asking price is not the one recorded. */
  priceChanges: { key: number; from: number | null; to: number }[];
  /** Listed leads of these customers that are no longer among their sightings. */
  delisted: number[];
  /** Leads that had dropped out and are back in a customer's sightings. */
  relisted: number[];
  /** Every known lead found among the sightings: seen again now. */
  seen: number[];
  /** Known leads whose listing details or customer differ from those recorded (rare: rewrite them one by one). */
  detailsChanged: {
    key: number;
    customerId: string;
    listingUrl: string | null;
    listingTitle: string | null;
    sellerType: Sighting["seller_type"];
  }[];
}

export function leadChanges(customers: readonly SightedCustomer[], known: readonly KnownLead[]): LeadChanges {
  const knownById = new Map(known.map((lead) => [lead.leadId, lead]));
  const changes: LeadChanges = {
    added: [],
    priceChanges: [],
    delisted: [],
    relisted: [],
    seen: [],
    detailsChanged: [],
  };
  const found = new Set<string>();
  for (const { customerId, sightings } of customers) {
    for (const sighting of sightings) {
      // A lead listed twice (under two customers, or twice under one) counts once, where it is first found.
      if (found.has(sighting.lead_id)) continue;
      found.add(sighting.lead_id);
      const lead = knownById.get(sighting.lead_id);
      if (!lead) {
        changes.added.push({ customerId, sighting });
        continue;
      }
      changes.seen.push(lead.key);
      if (!lead.listed) changes.relisted.push(lead.key);
      // A price that goes missing keeps the last one known rather than counting as a change.
      if (sighting.listing_price !== null && sighting.listing_price !== lead.price)
        changes.priceChanges.push({ key: lead.key, from: lead.price, to: sighting.listing_price });
      if (
        lead.customerId !== customerId ||
        lead.listingUrl !== sighting.listing_url ||
        lead.listingTitle !== sighting.listing_title ||
        lead.sellerType !== sighting.seller_type
      )
        changes.detailsChanged.push({
          key: lead.key,
          customerId,
          listingUrl: sighting.listing_url,
          listingTitle: sighting.listing_title,
          sellerType: sighting.seller_type,
        });
    }
  }
  // Only the customers just read can have lost a lead: the others weren't looked at.
  const read = new Set(customers.map(({ customerId }) => customerId));
  for (const lead of known)
    if (lead.listed && read.has(lead.customerId) && !found.has(lead.leadId)) changes.delisted.push(lead.key);
  return changes;
}
