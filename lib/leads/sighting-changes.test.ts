import { describe, expect, it } from "vitest";
import type { Sighting } from "@/lib/recapture/schemas";
import { leadChanges, type KnownLead } from "./sighting-changes";

const sighting = (lead_id: string, listing_price: number | null = 28_500): Sighting => ({
  at: "2026-11-01T10:00:00.000Z",
  lead_id,
  listing_url: `https://www.carsales.com.au/cars/details/${lead_id}/`,
  listing_title: "2019 Toyota Camry Ascent",
  listing_price,
  seller_type: "private",
});

const known = (
  key: number,
  leadId: string,
  customerId: string,
  more: Partial<KnownLead> = {},
): KnownLead => ({
  key,
  leadId,
  customerId,
  price: 28_500,
  listed: true,
  listingUrl: `https://www.carsales.com.au/cars/details/${leadId}/`,
  listingTitle: "2019 Toyota Camry Ascent",
  sellerType: "private",
  ...more,
});

describe("lead changes from a read of customers", () => {
  it("makes a new lead of a lead id never seen, and nothing else", () => {
    const changes = leadChanges([{ customerId: "c1", sightings: [sighting("L1")] }], []);
    expect(changes).toEqual({
      added: [{ customerId: "c1", sighting: sighting("L1") }],
      priceChanges: [],
      delisted: [],
      relisted: [],
      seen: [],
      detailsChanged: [],
    });
  });

  it("sees a known lead again without change when nothing about it changed", () => {
    const changes = leadChanges([{ customerId: "c1", sightings: [sighting("L1")] }], [known(7, "L1", "c1")]);
    expect(changes).toMatchObject({
      added: [],
      priceChanges: [],
      delisted: [],
      seen: [7],
      detailsChanged: [],
    });
  });

  it("notes a different asking price as a price change, but not a price gone missing", () => {
    const changes = leadChanges(
      [{ customerId: "c1", sightings: [sighting("L1", 27_000), sighting("L2", null)] }],
      [known(1, "L1", "c1"), known(2, "L2", "c1"), known(3, "L3", "c1", { price: null })],
    );
    expect(changes.priceChanges).toEqual([{ key: 1, from: 28_500, to: 27_000 }]);
    const first = leadChanges(
      [{ customerId: "c1", sightings: [sighting("L3")] }],
      [known(3, "L3", "c1", { price: null })],
    );
    expect(first.priceChanges).toEqual([{ key: 3, from: null, to: 28_500 }]);
  });

  it("delists a listed lead missing from its customer's sightings, only for customers read", () => {
    const changes = leadChanges(
      [{ customerId: "c1", sightings: [] }],
      [known(1, "L1", "c1"), known(2, "L2", "c2"), known(3, "L3", "c1", { listed: false })],
    );
    expect(changes.delisted).toEqual([1]);
    expect(changes.seen).toEqual([]);
  });

  it("relists a lead that is back, with its price change if it came back at another price", () => {
    const changes = leadChanges(
      [{ customerId: "c1", sightings: [sighting("L1", 26_000)] }],
      [known(1, "L1", "c1", { listed: false })],
    );
    expect(changes.relisted).toEqual([1]);
    expect(changes.priceChanges).toEqual([{ key: 1, from: 28_500, to: 26_000 }]);
    expect(changes.delisted).toEqual([]);
  });

  it("follows a lead to the customer it is now listed under, without delisting it from the first", () => {
    const changes = leadChanges(
      [
        { customerId: "c1", sightings: [] },
        { customerId: "c2", sightings: [sighting("L1")] },
      ],
      [known(1, "L1", "c1")],
    );
    expect(changes.delisted).toEqual([]);
    expect(changes.detailsChanged).toEqual([expect.objectContaining({ key: 1, customerId: "c2" })]);
  });

  it("rewrites changed listing details, and counts a lead listed twice once", () => {
    const retitled = {
      ...sighting("L1"),
      listing_title: "2019 Toyota Camry Ascent Sport",
      seller_type: "dealer" as const,
    };
    const changes = leadChanges(
      [
        { customerId: "c1", sightings: [retitled, retitled] },
        { customerId: "c2", sightings: [sighting("N1"), sighting("N1")] },
      ],
      [known(1, "L1", "c1")],
    );
    expect(changes.detailsChanged).toEqual([
      {
        key: 1,
        customerId: "c1",
        listingUrl: retitled.listing_url,
        listingTitle: "2019 Toyota Camry Ascent Sport",
        sellerType: "dealer",
      },
    ]);
    expect(changes.seen).toEqual([1]);
    expect(changes.added).toHaveLength(1);
  });
});
