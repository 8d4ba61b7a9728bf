import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_PATH_HEADER, signInPath } from "@/lib/auth/next-path";
import { SESSION_COOKIE, unsealSessionToken } from "@/lib/server/auth/cookie";
import { publicOrigin } from "@/lib/server/http/request-info";

/**
 * Pages only: a page request without a valid session cookie goes to the sign-in
 * page, and every other carries its own path so the page can come back to it
 * after sign-in. It does not look the session up; every page checks the session
 * and role itself (requireUser / requireRole), so nothing depends on this file
 * running (CVE-2025-29927).
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
  if (PUBLIC_PATHS.has(pathname)) return NextResponse.next();

  const token = await unsealSessionToken(request.cookies.get(SESSION_COOKIE)?.value);
  if (!token) {
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
  // Every page: not API routes (see above), build assets or files served as they are.
  matcher: [
    "/((?!api/|_next/static|_next/image|favicon\\.ico|.*\\.(?:svg|png|jpg|jpeg|gif|webp|ico|woff2?|txt)$).*)",
  ],
};
