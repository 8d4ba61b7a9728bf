import { expect, it } from "vitest";
import type { Customer } from "@/lib/recapture/schemas";
import { describeEachEngine } from "@/lib/testing/database-engines";
import { testCustomer } from "@/lib/testing/test-customer";
import { findMonitoredVehicles } from "./already-monitored";
import { indexCustomer, removeIndexedCustomer } from "./customer-index";

const shown = ({ id, rego, state, vin, external_id }: Customer) => ({ id, rego, state, vin, external_id });

describeEachEngine("cars already monitored", () => {
  it("finds a car by its VIN in any case", async () => {
    const ann = testCustomer({ vin: "1N4AL11D16N337720", rego: "ZEN407", state: "VIC", external_id: "C-1" });
    await indexCustomer("au", ann);
    const matches = await findMonitoredVehicles("au", [
      { rego: "NEW111", state: "NSW" },
      { vin: "1n4al11d16n337720" },
    ]);
    expect(matches).toEqual([{ vehicle: 1, customer: shown(ann) }]);
  });

  it("finds a car by its rego however it is spaced, in the same state only", async () => {
    const bob = testCustomer({ rego: "ABC-123", state: "NSW" });
    await indexCustomer("au", bob);
    const matches = await findMonitoredVehicles("au", [
      { rego: "abc 123", state: "NSW" },
      { rego: "ABC123", state: "VIC" },
      { rego: "ABC123" },
      { rego: "ABC123", state: "nsw" },
    ]);
    expect(matches).toEqual([
      { vehicle: 0, customer: shown(bob) },
      { vehicle: 3, customer: shown(bob) },
    ]);
  });

  it("matches a rego without a state only to a customer without one", async () => {
    const nz = testCustomer({ rego: "KLM55", state: null });
    await indexCustomer("nz", nz);
    expect(await findMonitoredVehicles("nz", [{ rego: "klm 55" }, { rego: "KLM55", state: "AKL" }])).toEqual([
      { vehicle: 0, customer: shown(nz) },
    ]);
  });

  it("doesn't match customers deleted through the dashboard or in another region", async () => {
    const gone = testCustomer({ rego: "GONE1", state: "QLD", vin: "4T1BE46K28U742135" });
    const elsewhere = testCustomer({ rego: "OTHER1", state: "QLD" });
    await indexCustomer("au", gone);
    await indexCustomer("nz", elsewhere);
    await removeIndexedCustomer("au", gone.id);
    expect(
      await findMonitoredVehicles("au", [
        { rego: "GONE1", state: "QLD" },
        { vin: "4T1BE46K28U742135" },
        { rego: "OTHER1", state: "QLD" },
      ]),
    ).toEqual([]);
  });

  it("answers a full batch of cars, the same car asked twice included", async () => {
    const cars = Array.from({ length: 60 }, (_, i) =>
      testCustomer({ rego: `BAT${i}`, state: "WA", vin: `JTDBR32E${String(i).padStart(9, "0")}` }),
    );
    for (const car of cars) await indexCustomer("au", car);
    const vehicles = Array.from({ length: 5_000 }, (_, i) =>
      i % 100 === 0
        ? { rego: `bat ${i / 100}`, state: "WA" }
        : { vin: `JTDBR32E${String(i).padStart(9, "1")}` },
    );
    vehicles.push({ vin: cars[3]!.vin! }, { vin: cars[3]!.vin! });
    const matches = await findMonitoredVehicles("au", vehicles);
    expect(matches).toHaveLength(52);
    expect(matches.at(-1)).toEqual({ vehicle: 5_001, customer: shown(cars[3]!) });
  });
});
