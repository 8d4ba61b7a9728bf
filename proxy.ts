import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_PATH_HEADER, signInPath } from "@/lib/auth/next-path";
import { SESSION_COOKIE, unsealSessionToken } from "@/lib/server/auth/cookie";
import { notSignedIn, toErrorResponse } from "@/lib/server/http/errors";
import { publicOrigin } from "@/lib/server/http/request-info";

/**
 * The first line of defence only: a request without a valid session cookie
 * goes to the sign-in page (pages) or gets 401 (API). It does not look the
 * session up; every page and route handler checks the session and role again
 * itself (requireUser / route()), so nothing depends on this file running.
 */
const PUBLIC_PATHS = new Set(["/sign-in", "/api/health", "/api/auth/sign-in"]);
// The emulator's test-only control endpoints answer 404 unless EMULATOR_CONTROL=1 (app/api/emulator).
const EMULATOR_CONTROL_PREFIX = "/api/emulator/";

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PATHS.has(pathname) || pathname.startsWith(EMULATOR_CONTROL_PREFIX)) return NextResponse.next();

  const token = await unsealSessionToken(request.cookies.get(SESSION_COOKIE)?.value);
  if (!token) {
    if (pathname.startsWith("/api/")) return toErrorResponse(notSignedIn());
    // Not request.url: behind `next start` that names the server's own host, not the address the browser used.
    return NextResponse.redirect(
      new URL(signInPath(`${pathname}${search}`), publicOrigin(request.headers, request.nextUrl)),
    );
  }

  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, `${pathname}${search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Everything but build assets, files served as they are, and the two routes that take whole
  // CSV files: Next buffers a body for proxy.ts only up to 10 MB and cuts the rest, while a
  // 50,000-customer upload is about 12 MB. Those routes check the session in route() before
  // they read a byte of the body, and cap it themselves.
  matcher: [
    "/((?!_next/static|_next/image|favicon\\.ico|api/recapture/upload$|api/uploads/batches$|.*\\.(?:svg|png|jpg|jpeg|gif|webp|ico|woff2?|txt)$).*)",
  ],
};
