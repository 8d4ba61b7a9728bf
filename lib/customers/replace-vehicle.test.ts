import { describe, expect, it } from "vitest";
import type { Customer } from "@/lib/recapture/schemas";
import {
  planReplacement,
  replacementMessage,
  replaceVehicleRequestSchema,
  SAME_VEHICLE_MESSAGE,
  vehicleName,
} from "./replace-vehicle";

const old: Customer = {
  id: "0000c339-1fb4-4d15-9b46-6509f2c5a2a4",
  last_updated: "2022-07-21T02:27:03.543Z",
  rego: "1EW2WA",
  state: "VIC",
  vin: "1N4AL11D16N337720",
  external_id: "CUST-4821",
  sale_date: "2020-07-18T00:00:00.000Z",
  monitor_start_date: "2022-06-01T00:00:00.000Z",
  monitor_end_date: "2023-06-01T00:00:00.000Z",
  vehicle_title: "2019 Toyota Camry Ascent",
  sightings: [],
  additional_fields: { market_source: "dealer_crm", visits: 3 },
};

const request = (vehicle: Record<string, string | undefined>, enable_rego_lookups = false) =>
  replaceVehicleRequestSchema.parse({ enable_rego_lookups, vehicle });

describe("the replacement plan", () => {
  it("creates the new vehicle with the old record's external id, sale date, monitoring window and additional fields", () => {
    expect(planReplacement(old, request({ rego: "ZEN407", state: "NSW" }, true))).toEqual({
      ok: true,
      create: {
        enable_rego_lookups: true,
        customer: {
          rego: "ZEN407",
          state: "NSW",
          external_id: "CUST-4821",
          sale_date: "2020-07-18T00:00:00.000Z",
          monitor_start_date: "2022-06-01T00:00:00.000Z",
          monitor_end_date: "2023-06-01T00:00:00.000Z",
          additional_fields: { market_source: "dealer_crm", visits: 3 },
        },
      },
    });
  });

  it("leaves out what the old record doesn't have", () => {
    const bare = {
      ...old,
      external_id: null,
      sale_date: null,
      monitor_start_date: null,
      monitor_end_date: null,
      additional_fields: null,
    };
    expect(planReplacement(bare, request({ vin: "JTDBR32E720123456" }))).toEqual({
      ok: true,
      create: { enable_rego_lookups: false, customer: { vin: "JTDBR32E720123456" } },
    });
  });

  it("puts the create rules' messages on the new vehicle's fields", () => {
    expect(planReplacement(old, request({ state: "VIC" }))).toEqual({
      ok: false,
      message: "Missing required properties: enter a rego or a VIN",
      fields: { "vehicle.rego": "Missing required properties: enter a rego or a VIN" },
    });
    expect(planReplacement(old, request({ rego: "R".repeat(21) }))).toMatchObject({
      ok: false,
      fields: { "vehicle.rego": "A rego has at most 20 characters" },
    });
  });

  it("refuses the vehicle the record already has, however it is typed", () => {
    const same = planReplacement(old, request({ rego: " 1ew2wa", state: "VIC", vin: "1n4al11d16n337720" }));
    expect(same).toEqual({
      ok: false,
      message: SAME_VEHICLE_MESSAGE,
      fields: { "vehicle.rego": SAME_VEHICLE_MESSAGE },
    });
    // The same plate in another state is another vehicle.
    expect(planReplacement(old, request({ rego: "1EW2WA", state: "NSW", vin: "1N4AL11D16N337720" })).ok).toBe(
      true,
    );
  });

  it("says so when something copied from the old record breaks the create rules", () => {
    const odd = { ...old, additional_fields: { notes: "n".repeat(1001) } };
    expect(planReplacement(odd, request({ rego: "ZEN407" }))).toEqual({
      ok: false,
      message:
        "This record's additional_fields can't be copied to a new record: Additional field \"notes\" has at most 1,000 characters",
      fields: {
        "customer.additional_fields.notes":
          "This record's additional_fields can't be copied to a new record: Additional field \"notes\" has at most 1,000 characters",
      },
    });
  });

  it("takes only a rego, a state and a VIN for the new vehicle", () => {
    expect(
      replaceVehicleRequestSchema.safeParse({ vehicle: { rego: "ZEN407", external_id: "X" } }).success,
    ).toBe(false);
    expect(replaceVehicleRequestSchema.parse({ vehicle: { rego: "ZEN407" } }).enable_rego_lookups).toBe(
      false,
    );
  });
});

describe("what exists after a replacement", () => {
  const created = { id: "11111111-2222-4333-8444-555555555555", rego: "ZEN407", state: "NSW", vin: null };
  const oldRecord = { id: old.id, vehicle: "1EW2WA (VIC)" };

  it("names both records and their ids", () => {
    expect(replacementMessage({ created, old: { ...oldRecord, state: "deleted" } })).toBe(
      `Vehicle replaced: the new record for ZEN407 (NSW) (id ${created.id}) was created and the old record for 1EW2WA (VIC) (id ${old.id}) was deleted with its sightings.`,
    );
  });

  it("when the old record couldn't be deleted, says both exist and which to delete", () => {
    expect(replacementMessage({ created, old: { ...oldRecord, state: "still_there" } })).toBe(
      `Only partly done: the new record for ZEN407 (NSW) (id ${created.id}) was created, but the old record for 1EW2WA (VIC) (id ${old.id}) couldn't be deleted and is still there, with its sightings, and still monitored. Delete it once you have checked the new record.`,
    );
  });

  it("when it isn't known whether the old record is there, says to check it", () => {
    expect(replacementMessage({ created, old: { ...oldRecord, state: "unknown" } })).toBe(
      `Only partly done: the new record for ZEN407 (NSW) (id ${created.id}) was created, but deleting the old record for 1EW2WA (VIC) (id ${old.id}) failed and the dashboard couldn't check whether it is still there. Open it to check, and delete it if it is.`,
    );
  });

  it("names a vehicle by its rego and state, else by its VIN", () => {
    expect(vehicleName({ rego: "ZEN407", state: null, vin: "X" })).toBe("ZEN407");
    expect(vehicleName({ rego: null, state: "VIC", vin: "1N4AL11D16N337720" })).toBe("VIN 1N4AL11D16N337720");
  });
});
