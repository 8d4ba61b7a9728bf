import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiError, apiFetch, retryUnlessClientError } from "@/lib/queries/api";

const okSchema = z.object({ success: z.literal(true), total: z.number() });

function answer(status: number, body: unknown) {
  const fetchMock = vi.fn(
    async () =>
      new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } }),
  );
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

afterEach(() => vi.unstubAllGlobals());

describe("apiFetch", () => {
  it("returns the parsed success body", async () => {
    answer(200, { success: true, total: 3, extra: "ignored" });
    await expect(apiFetch("/api/x", undefined, okSchema)).resolves.toEqual({ success: true, total: 3 });
  });

  it("marks every mutating request as JSON, even without a body", async () => {
    const fetchMock = answer(200, { success: true, total: 0 });
    await apiFetch("/api/x", { method: "DELETE" }, okSchema);
    const headers = new Headers((fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1].headers);
    expect(headers.get("Content-Type")).toBe("application/json");
  });

  it("leaves reads without a content type", async () => {
    const fetchMock = answer(200, { success: true, total: 0 });
    await apiFetch("/api/x", undefined, okSchema);
    const headers = new Headers((fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1].headers);
    expect(headers.get("Content-Type")).toBeNull();
  });

  it("turns the dashboard's error shape into an ApiError with its field messages", async () => {
    answer(422, {
      success: false,
      error: { code: "invalid_body", message: "Check the fields", fields: { sale_date: "Bad date" } },
    });
    const error = await failure(apiFetch("/api/x", { method: "PATCH", body: "{}" }, okSchema));
    expect(error).toMatchObject({
      status: 422,
      code: "invalid_body",
      message: "Check the fields",
      fields: { sale_date: "Bad date" },
    });
  });

  it("says something plain when a failure has another shape", async () => {
    answer(502, "<html>Bad gateway</html>");
    const error = await failure(apiFetch("/api/x", undefined, okSchema));
    expect(error).toMatchObject({ status: 502, code: "http_error", fields: {} });
    expect(error.message).not.toContain("html");
  });

  it("refuses a success body that doesn't match the schema", async () => {
    answer(200, { success: true, total: "many" });
    await expect(failure(apiFetch("/api/x", undefined, okSchema))).resolves.toMatchObject({
      code: "invalid_response",
    });
  });

  it("reports a network failure", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new TypeError("fetch failed"))),
    );
    await expect(failure(apiFetch("/api/x", undefined, okSchema))).resolves.toMatchObject({
      status: 0,
      code: "network_error",
    });
  });
});

describe("retryUnlessClientError", () => {
  it("retries server and network failures once, never client errors", () => {
    expect(retryUnlessClientError(0, new ApiError(502, "upstream_error", "x"))).toBe(true);
    expect(retryUnlessClientError(1, new ApiError(502, "upstream_error", "x"))).toBe(false);
    expect(retryUnlessClientError(0, new ApiError(404, "not_found", "x"))).toBe(false);
    expect(retryUnlessClientError(0, new ApiError(0, "network_error", "x"))).toBe(true);
  });
});
