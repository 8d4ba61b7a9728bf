import { describe, expect, it } from "vitest";
import {
  additionalFieldsFromRows,
  auDateToIso,
  createCustomerRequest,
  customerPatch,
  editValuesFromCustomer,
  EMPTY_CREATE_VALUES,
  isoToAuDate,
  serverFieldErrors,
} from "@/components/customers/customer-form-values";
import type { Customer } from "@/lib/recapture/schemas";

const customer: Customer = {
  id: "0000c339-1fb4-4d15-9b46-6509f2c5a2a4",
  last_updated: "2022-07-21T02:27:03.543Z",
  rego: "1EW2WA",
  state: "VIC",
  vin: "1N4AL11D16N337720",
  external_id: "CUST-4821",
  sale_date: "2020-07-18T00:00:00.000Z",
  monitor_start_date: "2022-06-01T00:00:00.000Z",
  monitor_end_date: null,
  vehicle_title: "2019 Toyota Camry Ascent",
  sightings: [],
  additional_fields: { market_source: "dealer_crm", visits: 3, vip: true },
};

describe("auDateToIso", () => {
  it("reads Australian day-first dates", () => {
    expect(auDateToIso("15/06/2022")).toBe("2022-06-15");
    expect(auDateToIso("1/6/2022")).toBe("2022-06-01");
    expect(auDateToIso(" 15-06-2022 ")).toBe("2022-06-15");
    expect(auDateToIso("15.06.2022")).toBe("2022-06-15");
  });

  it("refuses impossible and month-first dates", () => {
    expect(auDateToIso("31/02/2022")).toBeUndefined();
    expect(auDateToIso("06/15/2022")).toBeUndefined();
    expect(auDateToIso("29/02/2023")).toBeUndefined();
    expect(auDateToIso("2022-06-15")).toBeUndefined();
    expect(auDateToIso("15/06/22")).toBeUndefined();
  });

  it("accepts 29 February in a leap year", () => {
    expect(auDateToIso("29/02/2024")).toBe("2024-02-29");
  });
});

describe("isoToAuDate", () => {
  it("shows the API's calendar date day-first, without shifting it by time zone", () => {
    expect(isoToAuDate("2022-06-15T00:00:00.000Z")).toBe("15/06/2022");
    expect(isoToAuDate("2022-06-15")).toBe("15/06/2022");
    expect(isoToAuDate(null)).toBe("");
  });

  it("round-trips with auDateToIso", () => {
    expect(auDateToIso(isoToAuDate("2023-12-31T00:00:00.000Z"))).toBe("2023-12-31");
  });
});

describe("customerPatch", () => {
  const values = editValuesFromCustomer(customer);

  it("sends nothing when nothing changed", () => {
    expect(customerPatch(customer, values)).toEqual({});
  });

  it("sends only the changed fields, dates as yyyy-mm-dd", () => {
    expect(
      customerPatch(customer, { ...values, external_id: " CUST-5673 ", monitor_end_date: "01/06/2023" }),
    ).toEqual({
      external_id: "CUST-5673",
      monitor_end_date: "2023-06-01",
    });
  });

  it("sends an emptied field as an empty string, which clears it", () => {
    expect(customerPatch(customer, { ...values, external_id: "", sale_date: "" })).toEqual({
      external_id: "",
      sale_date: "",
    });
  });

  it("sends the whole additional field map when a field changes, keeping untouched values' types", () => {
    const rows = values.additional_fields.map((row) =>
      row.key === "market_source" ? { ...row, value: "walk_in" } : row,
    );
    expect(customerPatch(customer, { ...values, additional_fields: rows })).toEqual({
      additional_fields: { market_source: "walk_in", visits: 3, vip: true },
    });
  });

  it("clears additional fields with null when every row is removed", () => {
    expect(customerPatch(customer, { ...values, additional_fields: [] })).toEqual({
      additional_fields: null,
    });
  });

  it("ignores reordered additional fields", () => {
    expect(
      customerPatch(customer, { ...values, additional_fields: [...values.additional_fields].reverse() }),
    ).toEqual({});
  });
});

describe("additionalFieldsFromRows", () => {
  it("skips blank rows and trims names", () => {
    expect(
      additionalFieldsFromRows([
        { key: " source ", value: "crm" },
        { key: "", value: "" },
      ]),
    ).toEqual({ source: "crm" });
  });
});

describe("createCustomerRequest", () => {
  it("leaves blank fields out and writes plates and VINs in capitals", () => {
    expect(
      createCustomerRequest({
        ...EMPTY_CREATE_VALUES,
        rego: "zen 407",
        state: "VIC",
        sale_date: "15/06/2022",
        additional_fields: [{ key: "customer_type", value: "vip" }],
        enable_rego_lookups: true,
      }),
    ).toEqual({
      enable_rego_lookups: true,
      customer: {
        rego: "ZEN407",
        state: "VIC",
        vin: undefined,
        external_id: undefined,
        sale_date: "2022-06-15",
        monitor_start_date: undefined,
        monitor_end_date: undefined,
        additional_fields: { customer_type: "vip" },
      },
    });
  });
});

describe("serverFieldErrors", () => {
  it("puts messages on the form's fields, under a prefix or nested", () => {
    expect(
      serverFieldErrors(
        {
          "customer.rego": "Missing",
          "customer.additional_fields.source": "Bad value",
          enable_rego_lookups: "On or off",
        },
        ["rego", "additional_fields"] as const,
        "customer.",
      ),
    ).toEqual({ fields: { rego: "Missing", additional_fields: "Bad value" }, other: ["On or off"] });
  });
});
