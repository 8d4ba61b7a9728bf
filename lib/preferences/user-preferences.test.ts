import { describe, expect, it } from "vitest";
import { PREFERENCE_MAX_BYTES, preferenceNameSchema, preferenceRequestSchema } from "./user-preferences";

describe("user preferences", () => {
  it("knows only the preferences on its list", () => {
    expect(preferenceNameSchema.safeParse("customers-table:columns").success).toBe(true);
    expect(preferenceNameSchema.safeParse("theme").success).toBe(false);
    expect(preferenceNameSchema.safeParse("constructor").success).toBe(false);
  });

  it("takes column choices as column ids that are shown or not", () => {
    const schema = preferenceRequestSchema("customers-table:columns");
    expect(schema.parse({ value: { "field:salesperson": true, vin: false } })).toEqual({
      value: { "field:salesperson": true, vin: false },
    });
    expect(schema.safeParse({ value: { vin: "no" } }).success).toBe(false);
    expect(schema.safeParse({ value: ["vin"] }).success).toBe(false);
    expect(schema.safeParse({ value: { "": true } }).success).toBe(false);
    expect(schema.safeParse({ value: { ["x".repeat(101)]: true } }).success).toBe(false);
  });

  it("takes the lead emails switch as on or off", () => {
    const schema = preferenceRequestSchema("email:leads");
    expect(schema.parse({ value: false })).toEqual({ value: false });
    expect(schema.safeParse({ value: "off" }).success).toBe(false);
  });

  it(`refuses a value over ${PREFERENCE_MAX_BYTES / 1024} KB or with too many columns`, () => {
    const schema = preferenceRequestSchema("customers-table:columns");
    const columns = (count: number, width: number, letter = "x") =>
      Object.fromEntries(Array.from({ length: count }, (_, n) => [`${n}`.padEnd(width, letter), true]));
    expect(schema.safeParse({ value: columns(200, 20) }).success).toBe(true);
    expect(schema.safeParse({ value: columns(201, 2) }).success).toBe(false);
    // Counted in bytes: 60 names of 70 letters fit in 8,192 characters but not in 8,192 bytes of UTF-8.
    expect(schema.safeParse({ value: columns(60, 70) }).success).toBe(true);
    expect(schema.safeParse({ value: columns(60, 70, "é") }).success).toBe(false);
  });
});
