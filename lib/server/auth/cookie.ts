import "server-only";
import { sealData, unsealData } from "iron-session";
import { cookies } from "next/headers";
import { sessionSecret } from "./secret";

export const SESSION_COOKIE = "recapture_session";

/**
 * The longest a sign-in lasts however active it is: the seal itself expires,
 * and the cookie a minute earlier. Inactivity ends it much sooner (SESSION_IDLE_HOURS).
 */
export const SESSION_MAX_AGE_SECONDS = 14 * 24 * 60 * 60;

/** The cookie carries only the session token, sealed (encrypted and signed) by iron-session. */
export function sealSessionToken(token: string): Promise<string> {
  return sealData({ token }, { password: sessionSecret(), ttl: SESSION_MAX_AGE_SECONDS });
}

/** The token in a cookie value, or undefined when it is missing, tampered with, expired or sealed with another secret. */
export async function unsealSessionToken(cookieValue: string | undefined): Promise<string | undefined> {
  if (!cookieValue) return undefined;
  try {
    const data = await unsealData<{ token?: unknown }>(cookieValue, {
      password: sessionSecret(),
      ttl: SESSION_MAX_AGE_SECONDS,
    });
    return typeof data.token === "string" ? data.token : undefined;
  } catch {
    return undefined;
  }
}

/**
 * HttpOnly so page scripts cannot read it; SameSite=Lax so other sites cannot
 * send it with their forms or fetches. Secure whenever the request came over
 * HTTPS (directly or via a proxy's X-Forwarded-Proto); a plain-HTTP address such
 * as http://localhost would otherwise drop the cookie and nobody could sign in.
 */
export function sessionCookieOptions(secure: boolean) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure,
    path: "/",
    maxAge: SESSION_MAX_AGE_SECONDS - 60,
  };
}

/** Seals a new session's token into the response's cookie (route handlers only: pages cannot set cookies). */
export async function writeSessionCookie(token: string, secure: boolean): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, await sealSessionToken(token), sessionCookieOptions(secure));
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
}
