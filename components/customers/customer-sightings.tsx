import { Badge } from "@/components/ui/badge";
import { sightingsNewestFirst } from "@/components/customers/customer-display";
import { formatAud, formatDateTime } from "@/lib/format";
import type { Sighting } from "@/lib/recapture/schemas";

export interface CustomerSightingsProps {
  sightings: readonly Sighting[];
  /** Names the table for screen readers, e.g. "Sightings of ABC123". */
  caption: string;
  timeZone: string;
}

/** Where the customer's car was seen for sale, newest first. */
export function CustomerSightings({ sightings, caption, timeZone }: CustomerSightingsProps) {
  if (sightings.length === 0) {
    return <p className="text-sm text-slate-600">Not seen for sale yet.</p>;
  }
  return (
    // Scrolls sideways when a phone is too narrow for it; relative, so the links' screen-reader-only text
    // scrolls inside it instead of widening the page.
    <div className="relative overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <th scope="col" className="py-1.5 pr-4 font-semibold">
              Seen
            </th>
            <th scope="col" className="py-1.5 pr-4 font-semibold">
              Listing
            </th>
            <th scope="col" className="py-1.5 pr-4 text-right font-semibold">
              Price
            </th>
            <th scope="col" className="py-1.5 font-semibold">
              Seller
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200/70">
          {sightingsNewestFirst(sightings).map((sighting) => {
            // The schema lets only http(s) links through; any other is null.
            const href = sighting.listing_url;
            const title = sighting.listing_title ?? "Untitled listing";
            return (
              <tr key={sighting.lead_id}>
                {/* On a phone the time goes under the date, leaving the listing room. */}
                <td className="py-2 pr-4 tabular-nums text-slate-700 sm:whitespace-nowrap">
                  {formatDateTime(sighting.at, timeZone)}
                </td>
                <td className="py-2 pr-4">
                  {href ? (
                    <a
                      href={href}
                      target="_blank"
                      rel="noopener noreferrer"
                      className="font-medium text-brand-700 underline-offset-2 hover:underline"
                    >
                      {title}
                      <span className="sr-only"> (opens in a new tab)</span>
                    </a>
                  ) : (
                    <>
                      {title} <span className="text-xs text-slate-500">(no link)</span>
                    </>
                  )}
                </td>
                <td className="whitespace-nowrap py-2 pr-4 text-right tabular-nums">
                  {sighting.listing_price === null ? "—" : formatAud(sighting.listing_price)}
                </td>
                <td className="py-2">
                  {sighting.seller_type ? (
                    <Badge tone={sighting.seller_type === "private" ? "success" : "brand"}>
                      {sighting.seller_type === "private" ? "Private" : "Dealer"}
                    </Badge>
                  ) : (
                    <span className="text-slate-500">Unknown</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
