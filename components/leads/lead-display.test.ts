import { describe, expect, it } from "vitest";
import { daysListed, priceChange, regoAndState, seenOn, vehicleOf } from "./lead-display";

const NOW = new Date("2026-12-03T09:00:00.000Z");

describe("lead display", () => {
  it("says the day first seen in the dealership's zone", () => {
    expect(seenOn({ firstSeenAt: "2026-12-02T20:00:00.000Z" }, "Australia/Melbourne")).toBe("03/12/2026");
  });

  it("counts days listed until now or until taken down", () => {
    expect(daysListed({ listedAt: "2026-11-30T08:00:00.000Z", noLongerListedAt: null }, NOW)).toBe(
      "3 days listed",
    );
    expect(daysListed({ listedAt: "2026-12-02T08:00:00.000Z", noLongerListedAt: null }, NOW)).toBe(
      "1 day listed",
    );
    expect(daysListed({ listedAt: "2026-12-03T08:00:00.000Z", noLongerListedAt: null }, NOW)).toBe(
      "Listed today",
    );
    expect(
      daysListed({ listedAt: "2026-11-20T00:00:00.000Z", noLongerListedAt: "2026-11-30T00:00:00.000Z" }, NOW),
    ).toBe("10 days listed, no longer listed");
  });

  it("shows the change in price since first seen", () => {
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
