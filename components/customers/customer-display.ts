import type { Customer, Sighting } from "@/lib/recapture/schemas";
import { formatDate } from "@/lib/format";

/** How staff name a customer: by plate, else by VIN (every customer has one or the other). */
export function customerLabel(customer: Pick<Customer, "rego" | "vin">): string {
  return customer.rego ?? customer.vin ?? "this customer";
}

export function sightingsNewestFirst(sightings: readonly Sighting[]): Sighting[] {
  return [...sightings].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

export function latestSighting(sightings: readonly Sighting[]): Sighting | undefined {
  let latest: Sighting | undefined;
  for (const sighting of sightings)
    if (!latest || Date.parse(sighting.at) > Date.parse(latest.at)) latest = sighting;
  return latest;
}

/** The monitor window in words: both ends, one open end, or none. A narrow column wraps it after the dash. */
export function monitoringWindowText(
  customer: Pick<Customer, "monitor_start_date" | "monitor_end_date">,
): string | null {
  const { monitor_start_date: start, monitor_end_date: end } = customer;
  if (start && end) return `${formatDate(start)}\u00a0– ${formatDate(end)}`;
  if (start) return `From ${formatDate(start)}`;
  if (end) return `Until ${formatDate(end)}`;
  return null;
}

/** Additional field values as text: they can be text, numbers, true/false or empty. */
export function additionalFieldText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
