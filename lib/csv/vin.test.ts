import { describe, expect, it } from "vitest";
import { normaliseVin } from "@/lib/csv/vin";

describe("normaliseVin", () => {
  it.each([
    ["1N4AL11D16N337720", "1N4AL11D16N337720"],
    ["1n4al11d16n337720", "1N4AL11D16N337720"],
    ["1N4 AL11D 16N337720", "1N4AL11D16N337720"],
    [" JTNB11HK103456789 ", "JTNB11HK103456789"],
  ])("reads %j as the VIN %s", (raw, vin) => {
    expect(normaliseVin(raw)).toBe(vin);
  });

  it("reads a blank cell as no VIN", () => {
    expect(normaliseVin("")).toBe("");
    expect(normaliseVin("N/A")).toBe("");
  });

  it("refuses a 17-character value with I, O or Q", () => {
    expect(normaliseVin("JN1TBNT30Z0O12345")).toEqual({
      error: '"JN1TBNT30Z0O12345" is not a VIN: VINs never contain the letters I, O or Q',
    });
  });

  it("refuses values longer than a VIN or with other characters", () => {
    expect(normaliseVin("JTDKB20U99312345678")).toEqual({
      error: '"JTDKB20U99312345678" is not a VIN: it has 19 characters, a VIN has 17',
    });
    expect(normaliseVin("1N4AL11D16N33772#")).toEqual({
      error: '"1N4AL11D16N33772#" is not a VIN: only letters and digits are allowed',
    });
  });

  it("keeps a shorter chassis number with a warning", () => {
    expect(normaliseVin("zvw30-1234567")).toEqual({
      chassisNumber: "ZVW30-1234567",
      warning:
        '"zvw30-1234567" is a chassis number, not a 17-character VIN: it is kept as chassis_number but can\'t be matched to listings',
    });
  });

  it("refuses a value too short to be a chassis number", () => {
    expect(normaliseVin("AB12")).toEqual({ error: '"AB12" is not a VIN: it has 4 characters, a VIN has 17' });
  });
});
