import { describe, expect, it } from "vitest";
import { bulkSummary } from "./bulk-summary";
import {
  daysListed,
  daysListedLabel,
  daysListedText,
  describeEvent,
  eventActorName,
  priceChange,
  priceWithChange,
  regoAndState,
  safeListingUrl,
  seenOn,
  vehicleOf,
} from "./lead-display";
import { HISTORY_DISMISSAL } from "./lead-history";

describe("a lead in words", () => {
  it("shows the price with its change since first seen", () => {
    expect(priceWithChange({ price: 27_000, firstPrice: 28_500 })).toEqual({
      price: "$27,000",
      change: "▼ $1,500",
    });
    expect(priceWithChange({ price: 29_000, firstPrice: 28_500 })).toEqual({
      price: "$29,000",
      change: "▲ $500",
    });
    expect(priceWithChange({ price: 28_500, firstPrice: 28_500 }).change).toBeNull();
    expect(priceWithChange({ price: null, firstPrice: null })).toEqual({ price: "No price", change: null });
  });

  it("counts days listed up to now, or to when it was taken down", () => {
    const now = new Date("2026-12-03T09:00:00Z");
    expect(daysListed({ listedAt: "2026-11-30T10:00:00Z", noLongerListedAt: null }, now)).toBe(2);
    expect(
      daysListed({ listedAt: "2026-11-30T10:00:00Z", noLongerListedAt: "2026-12-01T11:00:00Z" }, now),
    ).toBe(1);
  });

  it("says since when a listing taken down is no longer listed, on the dealership's calendar", () => {
    const now = new Date("2026-12-03T09:00:00Z");
    expect(
      daysListedText(
        { listedAt: "2026-11-30T10:00:00Z", noLongerListedAt: null },
        "Australia/Melbourne",
        now,
      ),
    ).toBe("2 days");
    // 14:00 UTC on the 1st is already the 2nd in Melbourne.
    expect(
      daysListedText(
        { listedAt: "2026-11-30T10:00:00Z", noLongerListedAt: "2026-12-01T14:00:00Z" },
        "Australia/Melbourne",
        now,
      ),
    ).toBe("1 day (no longer listed since 02/12/2026)");
  });

  it("links only https listings", () => {
    expect(safeListingUrl("https://www.carsales.com.au/cars/details/1/")).toBe(
      "https://www.carsales.com.au/cars/details/1/",
    );
    expect(safeListingUrl("javascript:alert(1)")).toBeNull();
    expect(safeListingUrl("http://example.com/")).toBeNull();
    expect(safeListingUrl("not a url")).toBeNull();
  });

  it("describes each kind of history entry", () => {
    expect(describeEvent({ kind: "seen", data: { price: 28_500 } }).title).toBe(
      "First seen for sale at $28,500",
    );
    expect(describeEvent({ kind: "price_change", data: { from: 28_500, to: 27_000 } }).title).toBe(
      "Price dropped from $28,500 to $27,000",
    );
    expect(describeEvent({ kind: "delisted", data: null }).title).toBe("No longer listed");
    expect(
      describeEvent({
        kind: "status",
        data: { from: "contacted", to: "lost", lostReason: "other", note: "Moved" },
      }),
    ).toEqual({ title: "Status changed from Contacted to Lost (other)", note: "Moved" });
    expect(describeEvent({ kind: "assignment", data: { from: null, to: 3, toName: "Sam" } }).title).toBe(
      "Assigned to Sam",
    );
    expect(describeEvent({ kind: "assignment", data: { from: 3, to: null, toName: null } }).title).toBe(
      "Unassigned",
    );
    expect(describeEvent({ kind: "note", data: { text: "Rang" } })).toEqual({ title: "Note", note: "Rang" });
  });

  it("says why the dealership's history was dismissed, and that nobody did it", () => {
    const dismissal = { kind: "status", data: { ...HISTORY_DISMISSAL }, actor: null } as const;
    expect(describeEvent(dismissal)).toEqual({
      title: "Dismissed automatically: listed more than 14 days before the dashboard first saw it",
      note: null,
    });
    expect(eventActorName(dismissal)).toBe("Recapture");
    expect(eventActorName({ kind: "status", data: { from: "new", to: "dismissed" }, actor: null })).toBe(
      "A deleted account",
    );
  });
});

describe("a lead in the inbox", () => {
  it("says days listed as the inbox words them", () => {
    const now = new Date("2026-12-03T09:00:00.000Z");
    expect(daysListedLabel({ listedAt: "2026-11-30T08:00:00.000Z", noLongerListedAt: null }, now)).toBe(
      "3 days listed",
    );
    expect(daysListedLabel({ listedAt: "2026-12-02T08:00:00.000Z", noLongerListedAt: null }, now)).toBe(
      "1 day listed",
    );
    expect(daysListedLabel({ listedAt: "2026-12-03T08:00:00.000Z", noLongerListedAt: null }, now)).toBe(
      "Listed today",
    );
    expect(
      daysListedLabel(
        { listedAt: "2026-11-20T00:00:00.000Z", noLongerListedAt: "2026-11-30T00:00:00.000Z" },
        now,
      ),
    ).toBe("10 days listed, no longer listed");
  });

  it("says the day first seen in the dealership's zone", () => {
    expect(seenOn({ firstSeenAt: "2026-12-02T20:00:00.000Z" }, "Australia/Melbourne")).toBe("03/12/2026");
  });

  it("shows the change in price since first seen, in words for screen readers too", () => {
    expect(priceChange({ price: 27_000, firstPrice: 28_500 })).toEqual({
      shown: "▼ $1,500",
      spoken: "down $1,500 since first seen",
      direction: "down",
    });
    expect(priceChange({ price: 29_000, firstPrice: 28_500 })?.shown).toBe("▲ $500");
    expect(priceChange({ price: 28_500, firstPrice: 28_500 })).toBeUndefined();
    expect(priceChange({ price: null, firstPrice: 28_500 })).toBeUndefined();
  });

  it("names the vehicle from the index, else the listing", () => {
    const customer = {
      id: "c",
      indexed: false,
      rego: null,
      state: null,
      vehicleTitle: null,
      name: null,
      phone: null,
    };
    expect(vehicleOf({ customer, listingTitle: "2015 Holden Commodore" })).toBe("2015 Holden Commodore");
    expect(vehicleOf({ customer: { ...customer, vehicleTitle: "Camry" }, listingTitle: "x" })).toBe("Camry");
    expect(regoAndState({ customer })).toBeNull();
    expect(regoAndState({ customer: { ...customer, rego: "ABC123", state: "VIC" } })).toBe("ABC123 · VIC");
  });
});

describe("a bulk action's summary", () => {
  it("counts what changed and groups the refusals by reason", () => {
    expect(
      bulkSummary(
        { changed: [1, 2, 3], refused: [{ leadKey: 9, reason: "It is already assigned to them." }] },
        { kind: "assign", userId: 3 },
        "Sam",
      ),
    ).toBe("3 leads assigned to Sam; 1 refused: lead 9: It is already assigned to them.");
    expect(
      bulkSummary(
        {
          changed: [1],
          refused: [
            { leadKey: 4, reason: "It is already Won." },
            { leadKey: 5, reason: "It is already Won." },
          ],
        },
        { kind: "status", status: "won" },
      ),
    ).toBe("1 lead set to Won; 2 refused: 2 leads: It is already Won.");
    expect(bulkSummary({ changed: [1, 2], refused: [] }, { kind: "assign", userId: null })).toBe(
      "2 leads unassigned",
    );
  });
});
