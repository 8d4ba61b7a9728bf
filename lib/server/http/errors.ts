import "server-only";
import { ZodError } from "zod";
import type { ErrorBody } from "@/lib/api-error";
import { DomainError, type DomainErrorKind } from "@/lib/server/domain-error";

export type FieldErrors = Record<string, string>;

/** An error a route handler throws to answer with a given status, code and message people can read. */
export class HttpError extends Error {
  override readonly name = "HttpError";
  /** For a 429: sent on as `Retry-After`. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldErrors,
    options?: { retryAfterSeconds?: number },
  ) {
    super(message);
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}

/** No session, or one that has ended: said the same way by every route handler. */
export const notSignedIn = () =>
  new HttpError(
    401,
    "unauthenticated",
    "You're not signed in, or your session has ended. Please sign in again.",
  );

/** The one error body every API route answers with. */
export function errorResponse(
  status: number,
  code: string,
  message: string,
  fields?: FieldErrors,
  headers?: HeadersInit,
): Response {
  const body: ErrorBody = { success: false, error: fields ? { code, message, fields } : { code, message } };
  return Response.json(body, { status, headers });
}

/** Zod issues as `{ "customer.rego": "Required" }`, first issue per field. */
export function fieldErrors(error: ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "body";
    fields[key] ??= issue.message;
  }
  return fields;
}

/** The one place a domain refusal becomes an HTTP status. */
export const DOMAIN_ERROR_STATUS: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  inconsistent: 422,
  too_many_attempts: 429,
  busy: 429,
  upstream_failed: 502,
};

/** A domain error as the HttpError its route answers with (upstream_failed passes the API's status on); anything else as it is. */
export function asHttpError(error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  const status =
    error.kind === "upstream_failed" && error.upstreamStatus
      ? error.upstreamStatus
      : DOMAIN_ERROR_STATUS[error.kind];
  return new HttpError(status, error.code, error.message, error.fields, {
    retryAfterSeconds: error.retryAfterSeconds,
  });
}

/** An error that already knows how to answer (HttpError, and the lead's RecaptureError from lib/recapture/errors.ts). */
interface StatusError {
  status: number;
  code: string;
  message: string;
  fields?: FieldErrors;
  retryAfterSeconds?: number;
}

function isStatusError(error: unknown): error is StatusError {
  if (typeof error !== "object" || error === null) return false;
  const candidate = error as Record<string, unknown>;
  return (
    typeof candidate.status === "number" &&
    candidate.status >= 400 &&
    candidate.status <= 599 &&
    typeof candidate.code === "string" &&
    typeof candidate.message === "string"
  );
}

/** What went wrong underneath, on one line: the error's cause (a network error, a list of schema issues). */
function reasonOf(error: unknown): string | undefined {
  const cause = error instanceof Error ? error.cause : undefined;
  if (!(cause instanceof Error)) return undefined;
  const code = (cause.cause as { code?: unknown } | undefined)?.code;
  const text = typeof code === "string" ? `${cause.message} (${code})` : cause.message;
  return text.replace(/\s*\n\s*/g, " ");
}

/**
 * Answers a failure in the one error shape. `request` names the route in the
 * server log, where every answer of 502 or more goes with its reason: those are
 * failures upstream or of the server, which the person seeing them can't fix.
 */
export function toErrorResponse(error: unknown, request?: Request): Response {
  if (error instanceof ZodError) {
    const fields = fieldErrors(error);
    return errorResponse(
      422,
      "invalid_input",
      Object.values(fields)[0] ?? "Some values are not valid.",
      fields,
    );
  }
  const answer = asHttpError(error);
  if (isStatusError(answer)) {
    if (answer.status >= 502) {
      const route = request ? `${request.method} ${new URL(request.url).pathname}` : "A route";
      const reason = reasonOf(error);
      console.error(
        `${route} answered ${answer.status} (${answer.code}): ${answer.message}${reason ? ` Reason: ${reason}` : ""}`,
      );
    }
    const headers = answer.retryAfterSeconds
      ? { "Retry-After": String(answer.retryAfterSeconds) }
      : undefined;
    return errorResponse(answer.status, answer.code, answer.message, answer.fields, headers);
  }
  // Unknown failures are logged for operators; the browser gets no detail that could leak internals.
  console.error("Unhandled error in a route handler:", error);
  return errorResponse(500, "internal_error", "Something went wrong on our side.");
}
