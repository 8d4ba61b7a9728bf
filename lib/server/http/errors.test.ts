import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { RecaptureError } from "@/lib/recapture/errors";
import { HttpError, toErrorResponse } from "./errors";

afterEach(() => vi.restoreAllMocks());

describe("toErrorResponse", () => {
  it("turns a ZodError into 422 naming each field", async () => {
    const result = z
      .object({
        email: z.email("Enter a valid email"),
        customer: z.object({ rego: z.string("Rego is required") }),
      })
      .safeParse({
        email: "x",
        customer: {},
      });
    const response = toErrorResponse(result.error);
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      success: false,
      error: {
        code: "invalid_input",
        message: "Enter a valid email",
        fields: { email: "Enter a valid email", "customer.rego": "Rego is required" },
      },
    });
  });

  it("answers an HttpError with its status, code, message and fields", async () => {
    const response = toErrorResponse(
      new HttpError(409, "email_taken", "Already taken.", { email: "Already in use" }),
    );
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      success: false,
      error: { code: "email_taken", message: "Already taken.", fields: { email: "Already in use" } },
    });
  });

  it("answers a RecaptureError the same way, passing on Retry-After", async () => {
    const response = toErrorResponse(
      new RecaptureError(429, "rate_limited", "Too many requests upstream.", { retryAfterSeconds: 30 }),
    );
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("30");
    expect(await response.json()).toEqual({
      success: false,
      error: { code: "rate_limited", message: "Too many requests upstream." },
    });
  });

  it("answers anything else with a plain 500 and logs the detail only on the server", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = toErrorResponse(new Error("SQLITE_CORRUPT at /srv/data/dashboard.db"));
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body).toEqual({
      success: false,
      error: { code: "internal_error", message: "Something went wrong on our side." },
    });
    expect(JSON.stringify(body)).not.toContain("SQLITE");
    expect(log).toHaveBeenCalled();
    // An object that merely looks like a status error, but with a status that isn't an error status, is not trusted.
    expect(toErrorResponse({ status: 200, code: "ok", message: "fine" }).status).toBe(500);
  });
});
