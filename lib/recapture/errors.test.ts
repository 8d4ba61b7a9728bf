import { describe, expect, it } from "vitest";
import { RecaptureError, isRecaptureError } from "@/lib/recapture/errors";

describe("isRecaptureError", () => {
  it("recognises the error from another copy of the module, whose class is a different object", () => {
    // What a second bundle's copy of lib/recapture/errors.ts would throw.
    class OtherCopy extends Error {
      override readonly name = "RecaptureError";
      constructor(readonly status: number) {
        super("The Recapture API has no such upload.");
      }
    }
    const fromElsewhere = new OtherCopy(404);
    expect(fromElsewhere instanceof RecaptureError).toBe(false);
    expect(isRecaptureError(fromElsewhere)).toBe(true);
    expect(isRecaptureError(new RecaptureError(404, "not_found", "Invalid Upload ID"))).toBe(true);
  });

  it("refuses other errors and values", () => {
    expect(isRecaptureError(new Error("boom"))).toBe(false);
    expect(isRecaptureError({ name: "RecaptureError", status: 404 })).toBe(false);
    expect(isRecaptureError(undefined)).toBe(false);
  });
});
