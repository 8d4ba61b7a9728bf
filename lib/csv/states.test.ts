import { describe, expect, it } from "vitest";
import { normaliseState } from "@/lib/csv/states";

describe("normaliseState", () => {
  it.each([
    ["VIC", "VIC"],
    ["Victoria", "VIC"],
    ["Vic.", "VIC"],
    ["V.I.C", "VIC"],
    ["vic", "VIC"],
    ["W.A.", "WA"],
    ["Western Australia", "WA"],
    ["New South Wales", "NSW"],
    ["N.S.W.", "NSW"],
    ["Qld", "QLD"],
    ["Queensland", "QLD"],
    ["Tassie", "TAS"],
    ["Tasmania", "TAS"],
    ["Northern Territory", "NT"],
    ["ACT", "ACT"],
    ["Australian Capital Territory", "ACT"],
    ["South Australia", "SA"],
    ["Sth Australia", "SA"],
    [" nsw ", "NSW"],
  ])("reads %j as %s in Australia", (raw, state) => {
    expect(normaliseState(raw, "au")).toBe(state);
  });

  it("reads a blank cell as no state", () => {
    expect(normaliseState("", "au")).toBe("");
    expect(normaliseState("n/a", "au")).toBe("");
  });

  it("refuses what is not an Australian state, every time it is seen", () => {
    const error = {
      error: '"Victorai" is not an Australian state or territory (NSW, VIC, QLD, SA, WA, TAS, NT or ACT)',
    };
    expect(normaliseState("Victorai", "au")).toEqual(error);
    expect(normaliseState("Victorai", "au")).toEqual(error);
  });

  it("passes the value through, trimmed, in other regions", () => {
    expect(normaliseState(" Auckland ", "nz")).toBe("Auckland");
    expect(normaliseState("Victoria", "uk")).toBe("Victoria");
    expect(normaliseState("", "my")).toBe("");
  });
});
