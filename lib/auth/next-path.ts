import type { Role } from "./roles";

/** Where people land after signing in when there is nowhere better to go back to. */
export const HOME_PATH = "/";

/** Where someone lands after signing in with nowhere asked for: managers start the day in the leads inbox. */
export function homePathFor(role: Role): string {
  return role === "manager" ? "/leads" : HOME_PATH;
}

/** Set by proxy.ts on page requests so a page that finds no session can send people back where they were. */
export const REQUEST_PATH_HEADER = "x-dashboard-path";

/**
 * The `next` parameter reduced to a path on this site: anything else (an
 * absolute URL, `//evil.example`, `/\evil.example`, the sign-in page itself)
 * becomes the home page, so the sign-in page cannot be used as an open redirect.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (
    !next ||
    !next.startsWith("/") ||
    next.startsWith("//") ||
    next.includes("\\") ||
    /[\u0000-\u001f]/.test(next)
  ) {
    return HOME_PATH;
  }
  const base = "http://dashboard.invalid";
  const url = new URL(next, base);
  if (url.origin !== base || url.pathname === "/sign-in" || url.pathname.startsWith("/api/"))
    return HOME_PATH;
  return `${url.pathname}${url.search}${url.hash}`;
}

export function signInPath(next: string | null | undefined): string {
  const path = safeNextPath(next);
  return path === HOME_PATH ? "/sign-in" : `/sign-in?next=${encodeURIComponent(path)}`;
}
