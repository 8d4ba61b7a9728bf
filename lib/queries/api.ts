import type { z } from "zod";
import { errorBodySchema } from "@/lib/api-error";

/**
 * A failed call to one of the dashboard's own routes. `message` is written for
 * dealership staff and safe to show; `fields` maps a form field name to what is
 * wrong with it (422 validation errors), so forms can show it on that field.
 */
export class ApiError extends Error {
  override readonly name = "ApiError";

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Said when a route fails without the dashboard's error shape (a proxy page, a crash). */
function fallbackMessage(status: number): string {
  if (status === 401) return "Your session has ended. Sign in again to carry on.";
  if (status === 403) return "Your account isn't allowed to do that.";
  if (status === 404) return "That record doesn't exist.";
  if (status === 429) return "Too many requests. Please wait a moment and try again.";
  return "The dashboard server had a problem. Please try again.";
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/**
 * Fetches one of the dashboard's JSON routes and parses the success body with
 * `schema`, so callers get typed data or an `ApiError`, never a raw body.
 * Every mutating request is marked as JSON, even a body-less DELETE, because
 * the mutating routes refuse any other content type.
 */
export async function apiFetch<T>(
  url: string,
  init: RequestInit | undefined,
  schema: z.ZodType<T>,
): Promise<T> {
  const headers = new Headers(init?.headers);
  headers.set("Accept", "application/json");
  const method = (init?.method ?? "GET").toUpperCase();
  if (method !== "GET" && method !== "HEAD") headers.set("Content-Type", "application/json");

  let response: Response;
  try {
    response = await fetch(url, { ...init, headers, credentials: "same-origin" });
  } catch (error) {
    // An abort is React Query cancelling the request, not a failure to report.
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(
      0,
      "network_error",
      "We couldn't reach the dashboard. Check your connection and try again.",
    );
  }

  const body = await readJson(response);
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(body);
    if (parsed.success) {
      const { code, message, fields } = parsed.data.error;
      throw new ApiError(response.status, code, message, fields);
    }
    throw new ApiError(response.status, "http_error", fallbackMessage(response.status));
  }

  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      "invalid_response",
      "The dashboard sent an answer we couldn't read. Please try again.",
    );
  }
  return parsed.data;
}

/** Query `retry` policy: a 4xx answer won't change on a second try, so only network and server failures are retried once. */
export function retryUnlessClientError(failureCount: number, error: Error): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 1;
}
