import "server-only";
import type { NextRequest } from "next/server";
import { hasRole, type Role } from "@/lib/auth/roles";
import { userFromRequest } from "@/lib/server/auth/current-user";
import type { SessionUser } from "@/lib/server/auth/sessions";
import { HttpError, notSignedIn, toErrorResponse } from "./errors";
import { takeSlotForLargeBody, type BodySlots } from "./large-body-slots";
import { assertWritePerimeter } from "./perimeter";
import { assertWithinUserRateLimit } from "./user-rate-limit";

export interface RouteOptions {
  /** The least role allowed; the default, viewer, admits any signed-in account. */
  role?: Role;
  /** The route calls the Recapture API for the user: each call counts against their share (429 beyond it). */
  proxied?: boolean;
  /** A body bigger than a form's takes one of these slots for the whole request, or gets 429. */
  bodySlots?: () => BodySlots;
}

export interface RouteContext<P> {
  request: NextRequest;
  user: SessionUser;
  params: P;
}

type NextRouteHandler<P> = (request: NextRequest, context: { params: Promise<P> }) => Promise<Response>;

/**
 * Wraps an API route handler with the checks every route needs, in the
 * handler itself rather than only in proxy.ts (CVE-2025-29927 let requests
 * skip middleware): signed in (401), role (403), and for writes same-origin
 * (403) and a JSON body (415); then, where the route asks, the user's share of
 * the API allowance and a slot for a large body (429). Anything the handler
 * throws becomes the one error shape.
 */
export function route<P = Record<string, string>>(
  options: RouteOptions,
  handler: (context: RouteContext<P>) => Promise<Response>,
): NextRouteHandler<P> {
  return async (request, context) => {
    try {
      const user = await userFromRequest(request);
      if (!user) throw notSignedIn();
      if (!hasRole(user.role, options.role ?? "viewer")) {
        throw new HttpError(403, "forbidden", "Your account's role doesn't allow this.");
      }
      assertWritePerimeter(request);
      if (options.proxied) assertWithinUserRateLimit(user.id);
      const release = options.bodySlots && takeSlotForLargeBody(request, options.bodySlots());
      try {
        return await handler({ request, user, params: await context.params });
      } finally {
        release?.();
      }
    } catch (error) {
      return toErrorResponse(error, request);
    }
  };
}

/** The same perimeter for the few routes that work signed out (sign-in, the emulator's test controls). */
export function publicRoute<P = Record<string, string>>(
  handler: (context: { request: NextRequest; params: P }) => Promise<Response>,
): NextRouteHandler<P> {
  return async (request, context) => {
    try {
      assertWritePerimeter(request);
      return await handler({ request, params: await context.params });
    } catch (error) {
      return toErrorResponse(error, request);
    }
  };
}
