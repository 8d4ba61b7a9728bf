import "server-only";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import type { NextRequest } from "next/server";
import { cache } from "react";
import { REQUEST_PATH_HEADER, signInPath } from "@/lib/auth/next-path";
import { hasRole, type Role } from "@/lib/auth/roles";
import { SESSION_COOKIE, clearSessionCookie, unsealSessionToken } from "./cookie";
import { endSession, resolveSession, type SessionUser } from "./sessions";

async function userForCookie(value: string | undefined): Promise<SessionUser | undefined> {
  const token = await unsealSessionToken(value);
  return token ? resolveSession(token) : undefined;
}

/** The signed-in account for the page being rendered; read once per request however many components ask. */
export const currentUser = cache(async (): Promise<SessionUser | undefined> => {
  return userForCookie((await cookies()).get(SESSION_COOKIE)?.value);
});

/** For pages and layouts: the signed-in account, or a redirect to the sign-in page that comes back here. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(signInPath((await headers()).get(REQUEST_PATH_HEADER)));
  return user;
}

/**
 * For pages only some roles may open. Others get the 404 page: the link is
 * hidden from them, so a direct visit is treated like a page that isn't there.
 */
export async function requireRole(role: Role): Promise<SessionUser> {
  const user = await requireUser();
  if (!hasRole(user.role, role)) notFound();
  return user;
}

/** For route handlers: the signed-in account behind the request's cookie. */
export function userFromRequest(request: NextRequest): Promise<SessionUser | undefined> {
  return userForCookie(request.cookies.get(SESSION_COOKIE)?.value);
}

/** Ends the request's session, if any, and clears its cookie. */
export async function signOut(request: NextRequest): Promise<void> {
  const token = await unsealSessionToken(request.cookies.get(SESSION_COOKIE)?.value);
  if (token) await endSession(token);
  await clearSessionCookie();
}
