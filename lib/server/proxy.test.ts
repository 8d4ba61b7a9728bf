import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { customerIdSchema } from "@/lib/recapture/schemas";
import { HttpError } from "@/lib/server/http";
import { pathId, requestRegion } from "./proxy";

describe("pathId", () => {
  it("passes a well-formed id through", () => {
    const id = "0000c339-1fb4-4d15-9b46-6509f2c5a2a4";
    expect(pathId(customerIdSchema, id, "customer")).toBe(id);
  });

  it.each(["..", "%2e%2e", "../upload/x", "abc", "a".repeat(300), "0000c339-1fb4-4d15-9b46-6509f2c5a2a4/x"])(
    "refuses %s with a 400 before any URL is built",
    (probe) => {
      expect(() => pathId(customerIdSchema, probe, "customer")).toThrow(
        expect.objectContaining({
          status: 400,
          code: "invalid_id",
          message: "That customer id is not valid.",
        }),
      );
    },
  );
});

describe("requestRegion", () => {
  const at = (query: string) => new NextRequest(`http://localhost/api/recapture/customers${query}`);

  it("is undefined when absent or empty, so the configured region applies", () => {
    expect(requestRegion(at(""))).toBeUndefined();
    expect(requestRegion(at("?region="))).toBeUndefined();
  });

  it("takes a region from the allow-list", () => {
    expect(requestRegion(at("?region=nz"))).toBe("nz");
  });

  it("refuses anything else with a 400 naming the field", () => {
    expect(() => requestRegion(at("?region=us"))).toThrow(HttpError);
    expect(() => requestRegion(at("?region=AU"))).toThrow(
      expect.objectContaining({ status: 400, fields: { region: "Unknown region" } }),
    );
  });
});
