import { describe, expect, it } from "vitest";
import { applyCustomerPatch } from "@/lib/queries/customer-patch";
import type { Customer } from "@/lib/recapture/schemas";

const customer: Customer = {
  id: "0000c339-1fb4-4d15-9b46-6509f2c5a2a4",
  last_updated: "2022-07-21T02:27:03.543Z",
  rego: "1EW2WA",
  state: "VIC",
  vin: null,
  external_id: "CUST-4821",
  sale_date: "2020-07-18T00:00:00.000Z",
  monitor_start_date: "2022-06-01T00:00:00.000Z",
  monitor_end_date: "2023-06-01T00:00:00.000Z",
  vehicle_title: null,
  sightings: [],
  additional_fields: { market_source: "dealer_crm" },
};

describe("applyCustomerPatch", () => {
  it("leaves fields the patch doesn't name", () => {
    expect(applyCustomerPatch(customer, {})).toEqual(customer);
  });

  it("sets dates as the API stores them, midnight UTC", () => {
    expect(applyCustomerPatch(customer, { sale_date: "2022-06-15" }).sale_date).toBe(
      "2022-06-15T00:00:00.000Z",
    );
  });

  it("clears fields given as empty or null", () => {
    const next = applyCustomerPatch(customer, {
      external_id: "",
      monitor_end_date: null,
      additional_fields: null,
    });
    expect(next).toMatchObject({ external_id: null, monitor_end_date: null, additional_fields: null });
    expect(next.monitor_start_date).toBe(customer.monitor_start_date);
  });

  it("replaces the additional field map", () => {
    expect(
      applyCustomerPatch(customer, { additional_fields: { customer_type: "vip" } }).additional_fields,
    ).toEqual({
      customer_type: "vip",
    });
  });
});
