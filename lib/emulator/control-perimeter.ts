import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { errorJson } from "./http";

/** The control endpoints take a few settings at a time; nothing they accept comes near this. */
export const CONTROL_MAX_BODY_BYTES = 64 * 1024;

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

const limitBody = bodyLimit({
  maxSize: CONTROL_MAX_BODY_BYTES,
  onError: (c) => errorJson(c, 413, `Request body too large (the limit is ${CONTROL_MAX_BODY_BYTES} bytes)`),
});

/**
 * Writes to the control endpoints reset data and switch faults, and a browser
 * sends any page's form or no-cors fetch to any address, localhost included.
 * So a write the browser labels as coming from another page's site or origin
 * is refused (403), a body must be JSON (415: no page can send JSON to another
 * origin without a CORS preflight, which this server never grants) and small
 * (413). Tests and scripts send neither Origin nor Sec-Fetch-Site and pass;
 * the dashboard's /api/emulator route applies its own, stricter, same-origin
 * rule before it forwards here.
 */
export const controlPerimeter: MiddlewareHandler = async (c, next) => {
  if (!WRITES.has(c.req.method)) return next();
  const fetchSite = c.req.header("Sec-Fetch-Site");
  const origin = c.req.header("Origin");
  const crossSite =
    (fetchSite !== undefined && fetchSite !== "same-origin" && fetchSite !== "none") ||
    (origin !== undefined && origin !== new URL(c.req.url).origin);
  if (crossSite) return errorJson(c, 403, "Control requests must not come from another site");

  const hasBody =
    Number(c.req.header("Content-Length") ?? 0) > 0 || c.req.header("Transfer-Encoding") !== undefined;
  const type = c.req.header("Content-Type")?.split(";")[0]?.trim().toLowerCase();
  if (hasBody && type !== "application/json") {
    return errorJson(c, 415, "Send the request body as JSON (Content-Type: application/json)");
  }
  return limitBody(c, next);
};
