import { formatWait } from "@/lib/format";
import { upstreamErrorBodySchema } from "@/lib/recapture/schemas";

export type RecaptureErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "rate_limited"
  | "upstream_error"
  | "upstream_timeout"
  | "upstream_unreachable"
  | "upstream_invalid_response";

/**
 * A failed call to the Recapture API, ready to answer with: `status` is what
 * our route should respond, `message` is safe to show a dealership user. It
 * never holds the upstream body or the API key; `cause` (for logs) is at most
 * a network error or a list of schema issues.
 */
export class RecaptureError extends Error {
  override readonly name = "RecaptureError";
  /** For a 429: how long upstream asked us to wait, so the route can pass on `Retry-After`. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    readonly status: number,
    readonly code: RecaptureErrorCode,
    message: string,
    options?: { cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(message, { cause: options?.cause });
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}

/**
 * By name rather than `instanceof`: the client is kept on globalThis, so the error may
 * come from another copy of this module (the instrumentation bundle that creates the
 * client at start-up, or the module before a dev-server reload), whose class differs.
 */
export function isRecaptureError(error: unknown): error is RecaptureError {
  return (
    error instanceof Error &&
    error.name === "RecaptureError" &&
    typeof (error as RecaptureError).status === "number"
  );
}

export function timeoutError(): RecaptureError {
  return new RecaptureError(
    504,
    "upstream_timeout",
    "The Recapture API took too long to answer. Please try again.",
  );
}

export function unreachableError(cause: unknown): RecaptureError {
  return new RecaptureError(
    502,
    "upstream_unreachable",
    "We couldn't reach the Recapture API. Please try again in a moment.",
    {
      cause,
    },
  );
}

export function invalidResponseError(cause?: unknown): RecaptureError {
  return new RecaptureError(
    502,
    "upstream_invalid_response",
    "The Recapture API sent an answer we couldn't read. Please try again.",
    { cause },
  );
}

export function invalidInputError(message: string): RecaptureError {
  return new RecaptureError(400, "bad_request", message);
}

/**
 * Maps a non-2xx upstream answer. 4xx pass through with upstream's own short
 * message, except 401: upstream's 401 means our API key was refused, while a
 * 401 from our routes tells the browser its session ended, so it becomes a 502
 * naming the real problem. 5xx become 502 (504 stays 504) with a fixed
 * sentence, because a server error's text is for its operators, not for staff.
 */
export function upstreamStatusError(
  status: number,
  body: unknown,
  options: { apiKey: string; retryAfterSeconds?: number },
): RecaptureError {
  const upstreamMessage = shortPlainMessage(body, options.apiKey);
  const say = (fallback: string) => upstreamMessage ?? fallback;
  // For the server log: the people who see the 502 get a fixed sentence instead.
  const cause = new Error(
    `The Recapture API answered HTTP ${status}${upstreamMessage ? `: ${upstreamMessage}` : ""}`,
  );

  switch (true) {
    case status === 401:
      return new RecaptureError(
        502,
        "unauthorized",
        "The Recapture API did not accept the dashboard's API key. Ask an administrator to check it.",
        { cause },
      );
    case status === 403:
      return new RecaptureError(403, "forbidden", say("You don't have permission to do that."));
    case status === 404:
      return new RecaptureError(404, "not_found", say("That record doesn't exist in Recapture."));
    case status === 429:
      return new RecaptureError(
        429,
        "rate_limited",
        // The page shows this as it is, so it says when trying again will work.
        options.retryAfterSeconds === undefined
          ? "The Recapture API is busy. Please wait a moment and try again."
          : `The Recapture API is busy. Try again in ${formatWait(options.retryAfterSeconds)}.`,
        { retryAfterSeconds: options.retryAfterSeconds },
      );
    case status >= 400 && status < 500:
      return new RecaptureError(status, "bad_request", say("The Recapture API refused the request."));
    case status === 504:
      return timeoutError();
    default:
      return new RecaptureError(502, "upstream_error", "The Recapture API had a problem. Please try again.", {
        cause,
      });
  }
}

/** Upstream's `message` (or `error`) when it is a short single line of plain text that doesn't echo the key. */
function shortPlainMessage(body: unknown, apiKey: string): string | undefined {
  const parsed = upstreamErrorBodySchema.safeParse(body);
  if (!parsed.success) return undefined;
  const text = (parsed.data.message ?? parsed.data.error)?.trim();
  if (!text || text.length > 200 || /[<>\r\n]/.test(text) || (apiKey !== "" && text.includes(apiKey)))
    return undefined;
  return text;
}
