import { describe, expect, it } from "vitest";
import {
  additionalFieldText,
  customerLabel,
  latestSighting,
  monitoringWindowText,
  sightingsNewestFirst,
} from "@/components/customers/customer-display";
import type { Sighting } from "@/lib/recapture/schemas";

function sighting(at: string): Sighting {
  return {
    at,
    lead_id: at,
    listing_url: "https://example.com/x",
    listing_title: null,
    listing_price: null,
    seller_type: null,
  };
}

describe("customerLabel", () => {
  it("prefers the rego, then the VIN", () => {
    expect(customerLabel({ rego: "ABC123", vin: "1N4AL11D16N337720" })).toBe("ABC123");
    expect(customerLabel({ rego: null, vin: "1N4AL11D16N337720" })).toBe("1N4AL11D16N337720");
  });
});

describe("sightings order", () => {
  const older = sighting("2022-08-01T10:00:00.000Z");
  const newer = sighting("2022-08-15T14:23:01.000Z");
  const middle = sighting("2022-08-10T00:00:00.000Z");

  it("lists newest first without changing the original", () => {
    const list = [older, newer, middle];
    expect(sightingsNewestFirst(list)).toEqual([newer, middle, older]);
    expect(list).toEqual([older, newer, middle]);
  });

  it("finds the latest", () => {
    expect(latestSighting([older, newer, middle])).toBe(newer);
    expect(latestSighting([])).toBeUndefined();
  });
});

describe("monitoringWindowText", () => {
  const start = "2022-06-01T00:00:00.000Z";
  const end = "2023-06-01T00:00:00.000Z";
  it("describes both ends, one end or none", () => {
    expect(monitoringWindowText({ monitor_start_date: start, monitor_end_date: end })).toBe(
      "01/06/2022\u00a0– 01/06/2023",
    );
    expect(monitoringWindowText({ monitor_start_date: start, monitor_end_date: null })).toBe(
      "From 01/06/2022",
    );
    expect(monitoringWindowText({ monitor_start_date: null, monitor_end_date: end })).toBe(
      "Until 01/06/2023",
    );
    expect(monitoringWindowText({ monitor_start_date: null, monitor_end_date: null })).toBeNull();
  });
});

describe("additionalFieldText", () => {
  it("shows each kind of value as text", () => {
    expect(additionalFieldText("vip")).toBe("vip");
    expect(additionalFieldText(3)).toBe("3");
    expect(additionalFieldText(true)).toBe("Yes");
    expect(additionalFieldText(null)).toBe("");
  });
});
