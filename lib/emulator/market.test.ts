import { describe, expect, it } from "vitest";
import { createMarket } from "./market";
import type { CustomerRow } from "./store";

const DAY = 24 * 3600 * 1000;
const NOW = Date.UTC(2025, 5, 1);

const fleet: CustomerRow[] = Array.from({ length: 400 }, (_, i) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
  account: "acct",
  region: "au",
  upload_id: null,
  rego: `M${i}`,
  state: "VIC",
  vin: null,
  external_id: null,
  sale_date: null,
  monitor_start_date: null,
  monitor_end_date: null,
  vehicle_title: null,
  additional_fields: "{}",
  created_at: new Date(NOW - 2 * 365 * DAY).toISOString(),
  last_updated: new Date(NOW - 2 * 365 * DAY).toISOString(),
}));

describe("the simulated market", () => {
  it("lists a realistic share of cars, repeatably from its seed", () => {
    const market = createMarket("seed-1");
    const listed = fleet.filter((customer) => market.sightings(customer, NOW).length > 0).length;
    // Two years at one listing per four years per car: roughly 40% listed at least once.
    expect(listed / fleet.length).toBeGreaterThan(0.25);
    expect(listed / fleet.length).toBeLessThan(0.55);
    const again = createMarket("seed-1");
    expect(fleet.map((customer) => again.sightings(customer, NOW))).toEqual(
      fleet.map((customer) => market.sightings(customer, NOW)),
    );
    const other = createMarket("seed-2");
    expect(fleet.map((customer) => other.sightings(customer, NOW))).not.toEqual(
      fleet.map((customer) => market.sightings(customer, NOW)),
    );
  });

  it("produces well-formed sightings, and more of them as time passes", () => {
    const market = createMarket("seed-1");
    const sightings = fleet.flatMap((customer) => market.sightings(customer, NOW));
    for (const sighting of sightings) {
      expect(sighting.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
      expect(sighting.lead_id).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(sighting.listing_url).toMatch(
        /^https:\/\/www\.(carsales|gumtree|autotrader|facebook)\.com\.?a?u?\//,
      );
      expect(sighting.listing_title).toMatch(/^\d{4} /);
      expect(Number.isInteger(sighting.listing_price) && sighting.listing_price > 0).toBe(true);
      expect(["private", "dealer"]).toContain(sighting.seller_type);
    }
    const later = fleet.flatMap((customer) => market.sightings(customer, NOW + 365 * DAY));
    expect(later.length).toBeGreaterThan(sightings.length);
  });

  it("only sees cars inside their monitor window", () => {
    const market = createMarket("seed-1");
    const start = NOW - 365 * DAY;
    const end = NOW - 100 * DAY;
    const windowed = fleet.map((customer) => ({
      ...customer,
      monitor_start_date: new Date(start).toISOString(),
      monitor_end_date: new Date(end).toISOString(),
    }));
    const sightings = windowed.flatMap((customer) => market.sightings(customer, NOW));
    expect(sightings.length).toBeGreaterThan(0);
    for (const { at } of sightings) {
      expect(Date.parse(at)).toBeGreaterThanOrEqual(start - 1000);
      expect(Date.parse(at)).toBeLessThanOrEqual(end);
    }
    expect(market.isMonitored(windowed[0] as CustomerRow, NOW)).toBe(false);
    expect(market.isMonitored(windowed[0] as CustomerRow, NOW - 200 * DAY)).toBe(true);
  });

  it("cuts prices and takes listings down as time passes, the same way every run", () => {
    const market = createMarket("seed-1");
    const byLead = (at: number) =>
      new Map(fleet.flatMap((customer) => market.sightings(customer, at)).map((s) => [s.lead_id, s]));
    const before = byLead(NOW);
    const after = byLead(NOW + 120 * DAY);
    let cut = 0;
    let takenDown = 0;
    for (const [leadId, sighting] of before) {
      const later = after.get(leadId);
      if (!later) {
        takenDown++;
        continue;
      }
      // Same listing, never dearer.
      expect({ ...later, listing_price: 0 }).toEqual({ ...sighting, listing_price: 0 });
      expect(later.listing_price).toBeLessThanOrEqual(sighting.listing_price);
      if (later.listing_price < sighting.listing_price) cut++;
    }
    // Only listings put up shortly before NOW still have cuts or a take-down ahead of them.
    expect(cut).toBeGreaterThan(0);
    expect(takenDown).toBeGreaterThan(0);
    expect(takenDown).toBeLessThan(before.size / 2);
    expect(byLead(NOW + 120 * DAY)).toEqual(after);
  });

  it("prices a cut the way each kind of seller does", () => {
    const market = createMarket("seed-1");
    for (const sighting of fleet.flatMap((customer) => market.sightings(customer, NOW + 365 * DAY))) {
      if (sighting.seller_type === "dealer") expect(sighting.listing_price % 1000).toBe(990);
      else expect(sighting.listing_price % 500).toBe(0);
    }
  });
});
