import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_PATH_HEADER, signInPath } from "@/lib/auth/next-path";
import { SESSION_COOKIE, unsealSessionToken } from "@/lib/server/auth/cookie";
import { env } from "@/lib/server/env";
import { publicOrigin } from "@/lib/server/http/request-info";
import { contentSecurityPolicy, newNonce } from "@/lib/security-headers";

/**
 * Pages only: a page request without a valid session cookie goes to the sign-in
 * page, and every other carries its own path so the page can come back to it
 * after sign-in; every page gets a Content-Security-Policy with a nonce of its
 * own. It does not look the session up; every page checks the session and role
 * itself (requireUser / requireRole), so nothing depends on this file running
 * (CVE-2025-29927) but the nonce, without which a page's scripts don't run.
 *
 * API routes are left out: route() in each handler answers 401, 403 and 415 by
 * itself, and passing them through here would cost every proxied call to the
 * Recapture API a second cookie check, and cut request bodies at 10 MB (Next
 * buffers a body for proxy.ts only that far), while a 50,000-customer upload is
 * about 12 MB.
 */
const PUBLIC_PATHS = new Set(["/sign-in"]);

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const headers = new Headers(request.headers);
  if (!PUBLIC_PATHS.has(pathname)) {
    const token = await unsealSessionToken(request.cookies.get(SESSION_COOKIE)?.value);
    if (!token) {
      // Not request.url: behind `next start` that names the server's own host, not the address the browser used.
      return NextResponse.redirect(
        new URL(signInPath(`${pathname}${search}`), publicOrigin(request.headers, request.nextUrl)),
      );
    }
    headers.set(REQUEST_PATH_HEADER, `${pathname}${search}`);
  }
  return withNonce(headers);
}

/**
 * Next finds the nonce in the request's policy and puts it on every script of
 * the page it renders (which is why every page renders per request: see
 * app/layout.tsx); the browser enforces the response's.
 */
function withNonce(requestHeaders: Headers): NextResponse {
  const policy = contentSecurityPolicy(newNonce(), env().NODE_ENV === "development");
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Every page: not API routes (see above), build assets or files served as they are.
  matcher: [
    "/((?!api/|_next/static|_next/image|favicon\\.ico|.*\\.(?:svg|png|jpg|jpeg|gif|webp|ico|woff2?|txt)$).*)",
  ],
};
