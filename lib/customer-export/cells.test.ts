import { describe, expect, it } from "vitest";
import { formatDateTime } from "@/lib/format";
import type { Customer } from "@/lib/recapture/schemas";
import { exportHeaders, exportRows } from "./cells";

const customer: Customer = {
  id: "00000000-0000-4000-8000-000000000001",
  last_updated: "2024-05-01T03:30:00.000Z",
  rego: "ABC123",
  state: "VIC",
  vin: null,
  external_id: "CUST-1",
  sale_date: "2022-01-07T00:00:00.000Z",
  monitor_start_date: "2022-01-07T00:00:00.000Z",
  monitor_end_date: "2025-01-07T00:00:00.000Z",
  vehicle_title: "2019 Toyota Camry",
  sightings: [
    {
      at: "2024-02-01T00:00:00.000Z",
      lead_id: "a",
      listing_url: null,
      listing_title: null,
      listing_price: 30_000,
      seller_type: "dealer",
    },
    {
      at: "2024-03-02T23:15:00.000Z",
      lead_id: "b",
      listing_url: null,
      listing_title: null,
      listing_price: 28_500,
      seller_type: "private",
    },
  ],
  additional_fields: { customer_name: "Ann Smith", vip: true },
};

describe("a customer as an export row", () => {
  it("writes the table's columns, the sightings as count, latest and price", () => {
    const columns = [
      "rego",
      "sale_date",
      "monitoring",
      "sightings",
      "last_updated",
      "field:vip",
      "field:phone",
    ] as const;
    expect(exportHeaders(columns)).toEqual([
      "Rego",
      "Sale date",
      "Monitoring window",
      "Sightings",
      "Latest sighting",
      "Latest price (AUD)",
      "Last updated",
      "vip",
      "phone",
    ]);
    expect(exportRows(columns, "Australia/Melbourne")(customer)).toEqual([
      "ABC123",
      { text: "07/01/2022", serial: 44568, withTime: false },
      "07/01/2022 – 07/01/2025",
      2,
      // 23:15 UTC is 10:15 the next morning in Melbourne (summer time).
      { text: "03/03/2024 10:15", serial: expect.closeTo(45354 + (10 * 60 + 15) / 1440, 9), withTime: true },
      28_500,
      { text: "01/05/2024 13:30", serial: expect.closeTo(45413 + 13.5 / 24, 9), withTime: true },
      "Yes",
      null,
    ]);
  });

  it("shows moments as formatDateTime does, across a change of summer time", () => {
    const cells = exportRows(["last_updated"], "Australia/Adelaide");
    // Adelaide leaves summer time at 03:00 on 07/04/2024 (16:30 UTC the day before): every five minutes around it.
    for (let minutes = -120; minutes <= 120; minutes += 5) {
      const iso = new Date(Date.UTC(2024, 3, 6, 16, 30) + minutes * 60_000).toISOString();
      const [cell] = cells({ ...customer, last_updated: iso });
      expect((cell as { text: string }).text, iso).toBe(formatDateTime(iso, "Australia/Adelaide"));
    }
  });

  it("writes a date it can't read as it came, never as a broken date", () => {
    expect(
      exportRows(
        ["sale_date", "last_updated"],
        "Australia/Perth",
      )({ ...customer, sale_date: "soon", last_updated: "later" }),
    ).toEqual(["soon", "later"]);
  });

  it("leaves the sighting cells empty for a customer without one", () => {
    expect(exportRows(["sightings"], "Australia/Perth")({ ...customer, sightings: [] })).toEqual([
      0,
      null,
      null,
    ]);
  });
});
