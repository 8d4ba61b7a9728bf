import "server-only";
import { HttpError } from "./errors";
import { publicOrigin } from "./request-info";

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

const isMutating = (method: string) => MUTATING.has(method.toUpperCase());

/**
 * Cross-site request forgery guard for writes. Browsers label every request
 * with `Sec-Fetch-Site` (which page scripts cannot forge) and send `Origin` on
 * writes; older browsers send only `Origin`. A write is accepted when the browser
 * says it is same-origin, or when `Origin` is exactly this app's public origin.
 * `Origin: null` (sandboxed frames, cross-site redirects) and a write that
 * proves neither (e.g. curl without headers) are refused.
 */
export function assertSameOrigin(headers: Headers, url: URL): void {
  const fetchSite = headers.get("sec-fetch-site");
  const origin = headers.get("origin");
  const sameOrigin =
    origin !== "null" &&
    (fetchSite === "same-origin" ||
      (fetchSite === null && origin !== null && origin === publicOrigin(headers, url)));
  if (!sameOrigin)
    throw new HttpError(403, "cross_origin", "This request must come from the dashboard itself.");
}

/**
 * A write with a body must declare JSON. HTML forms can only send form
 * encodings or text/plain without a CORS preflight, so this also shuts the
 * door that forms open.
 */
export function assertJsonBody(headers: Headers): void {
  const hasBody = Number(headers.get("content-length") ?? 0) > 0 || headers.has("transfer-encoding");
  if (!hasBody) return;
  const type = headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    throw new HttpError(
      415,
      "unsupported_media_type",
      "Send the request body as JSON (Content-Type: application/json).",
    );
  }
}

/** Both checks, for the methods that change something. */
export function assertWritePerimeter(request: Request & { nextUrl: URL }): void {
  if (!isMutating(request.method)) return;
  assertSameOrigin(request.headers, request.nextUrl);
  assertJsonBody(request.headers);
}
