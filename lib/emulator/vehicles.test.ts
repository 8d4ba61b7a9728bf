import { describe, expect, it } from "vitest";
import { seededRandom } from "./random";
import { generateVin, lookupVin, vehicleFromVin, vehicleTitle, vinCheckDigit } from "./vehicles";

describe("rego lookups", () => {
  it("give the same valid 17-character VIN for the same rego and state", () => {
    const vin = lookupVin("au", "VIC", "ZEN407");
    expect(vin).toBe(lookupVin("au", "VIC", "ZEN407"));
    expect(vin).not.toBe(lookupVin("au", "NSW", "ZEN407"));
    expect(vin).toMatch(/^[A-HJ-NPR-Z0-9]{17}$/);
    expect(vin[8]).toBe(vinCheckDigit(vin));
  });

  it("never use I, O or Q", () => {
    const random = seededRandom("vins");
    const vins = Array.from({ length: 2_000 }, () => generateVin(random)).join("");
    expect(vins).not.toMatch(/[IOQ]/);
  });
});

describe("vehicle titles", () => {
  it("decode the make from the WMI and the year from position 10", () => {
    expect(vehicleTitle(vehicleFromVin("JTDBR32E720012345"))).toMatch(/^2002 Toyota /);
    expect(vehicleTitle(vehicleFromVin("KMHD84LF5KU123456"))).toMatch(/^2019 Hyundai (i30|Tucson|Kona) /);
  });

  it("are plausible for any VIN, and stable", () => {
    const title = vehicleTitle(vehicleFromVin("1N4AL11D16N337720"));
    expect(title).toMatch(/^(19|20)\d{2} [A-Z][\w-]* .+/);
    expect(vehicleTitle(vehicleFromVin("1N4AL11D16N337720"))).toBe(title);
  });
});
