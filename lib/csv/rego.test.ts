import { describe, expect, it } from "vitest";
import { normaliseRego } from "@/lib/csv/rego";

describe("normaliseRego", () => {
  it.each([
    ["ABC123", "ABC123"],
    ["abc123", "ABC123"],
    ["ABC-123", "ABC123"],
    ["1ABC 234", "1ABC234"],
    [" zen.407 ", "ZEN407"],
    ["WA 1TX 9", "WA1TX9"],
  ])("reads %j as %j", (raw, rego) => {
    expect(normaliseRego(raw)).toBe(rego);
  });

  it.each(["", "  ", "-", "N/A", "tba", "TBA", "none"])("reads the blank %j as no rego", (raw) => {
    expect(normaliseRego(raw)).toBe("");
  });

  it("refuses characters a plate can't have", () => {
    expect(normaliseRego("AB#123")).toEqual({
      error: '"AB#123" is not a rego: only letters and digits are allowed',
    });
  });

  it("refuses a value too long to be a plate", () => {
    expect(normaliseRego("ABCDEFGHIJK")).toEqual({
      error: '"ABCDEFGHIJK" is not a rego: it is longer than 9 characters',
    });
  });
});
