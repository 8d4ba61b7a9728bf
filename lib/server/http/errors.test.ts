import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { invalidResponseError, RecaptureError, upstreamStatusError } from "@/lib/recapture/errors";
import { DomainError, type DomainErrorKind } from "@/lib/server/domain-error";
import { DOMAIN_ERROR_STATUS, HttpError, toErrorResponse } from "./errors";

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

  it("logs every answer of 502 or more with the route and the reason, and nothing for a 4xx", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const request = new Request("http://localhost:3000/api/recapture/customers?limit=25", { method: "GET" });
    const issues = new Error("✖ Invalid ISO datetime\n  → at customers.3.last_updated");
    expect(toErrorResponse(invalidResponseError(issues), request).status).toBe(502);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]?.[0]).toBe(
      "GET /api/recapture/customers answered 502 (upstream_invalid_response): The Recapture API sent an answer we couldn't read. Please try again. Reason: ✖ Invalid ISO datetime → at customers.3.last_updated",
    );

    const refused = upstreamStatusError(401, { message: "Invalid API key" }, { apiKey: "secret-key" });
    toErrorResponse(refused, new Request("http://localhost:3000/api/recapture/upload", { method: "POST" }));
    expect(log.mock.calls[1]?.[0]).toMatch(
      /^POST \/api\/recapture\/upload answered 502 \(unauthorized\): .* Reason: The Recapture API answered HTTP 401: Invalid API key$/,
    );
    expect(String(log.mock.calls[1]?.[0])).not.toContain("secret-key");

    toErrorResponse(upstreamStatusError(404, {}, { apiKey: "k" }), request);
    toErrorResponse(new HttpError(422, "invalid_input", "Check the rego."), request);
    expect(log).toHaveBeenCalledTimes(2);
  });
});

describe("domain errors over HTTP", () => {
  const statuses: [DomainErrorKind, number][] = [
    ["invalid", 400],
    ["unauthenticated", 401],
    ["forbidden", 403],
    ["not_found", 404],
    ["conflict", 409],
    ["inconsistent", 422],
    ["too_many_attempts", 429],
    ["busy", 429],
    ["upstream_failed", 502],
  ];

  it("has a status for every kind, and only these", () => {
    expect(Object.entries(DOMAIN_ERROR_STATUS).sort()).toEqual([...statuses].sort());
  });

  it.each(statuses)("answers %s with %i, keeping its code, message and fields", async (kind, status) => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const response = toErrorResponse(
      new DomainError(kind, "some_code", "What went wrong, in words.", {
        fields: { email: "Already in use" },
      }),
    );
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({
      success: false,
      error: {
        code: "some_code",
        message: "What went wrong, in words.",
        fields: { email: "Already in use" },
      },
    });
  });

  it("knows a domain error thrown by another copy of its module (start-up's bundle, not the route's)", async () => {
    vi.resetModules();
    const { HashingBusyError } = await import("@/lib/server/auth/hashing-queue");
    const fromStartUp = new HashingBusyError();
    expect(fromStartUp).toBeInstanceOf(DomainError);
    expect(new Error("plain")).not.toBeInstanceOf(DomainError);
    const response = toErrorResponse(fromStartUp);
    expect([response.status, response.headers.get("Retry-After")]).toEqual([429, "1"]);
    expect((await response.json()).error.code).toBe("busy");
  });

  it("sends the wait on as Retry-After", () => {
    const response = toErrorResponse(
      new DomainError("too_many_attempts", "too_many_attempts", "Try again in 30 seconds.", {
        retryAfterSeconds: 30,
      }),
    );
    expect(response.headers.get("Retry-After")).toBe("30");
  });

  it("passes on the status the Recapture API failed with", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const error = new DomainError(
      "upstream_failed",
      "upload_not_confirmed",
      "It may still have been queued.",
      {
        upstreamStatus: 504,
      },
    );
    expect(toErrorResponse(error).status).toBe(504);
  });
});
