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

/**
 * Cookie values already unsealed, with their token. Unsealing costs about half a
 * millisecond of crypto, and every request (proxy.ts, then the page or route)
 * would pay it again for the same cookie. A value that unsealed once unseals the
 * same way until the seal expires, so it is safe to remember for a short while;
 * whether its session is still alive is looked up in the database every time.
 */
const unsealedCookies = new Map<string, { token: string; rememberedUntil: number }>();
const REMEMBER_MS = 60_000;
const REMEMBER_MAX_ENTRIES = 1_000;

/** The token in a cookie value, or undefined when it is missing, tampered with, expired or sealed with another secret. */
export async function unsealSessionToken(cookieValue: string | undefined): Promise<string | undefined> {
  if (!cookieValue) return undefined;
  const remembered = unsealedCookies.get(cookieValue);
  if (remembered && remembered.rememberedUntil > Date.now()) return remembered.token;
  try {
    const data = await unsealData<{ token?: unknown }>(cookieValue, {
      password: sessionSecret(),
      ttl: SESSION_MAX_AGE_SECONDS,
    });
    if (typeof data.token !== "string") return undefined;
    if (unsealedCookies.size >= REMEMBER_MAX_ENTRIES) unsealedCookies.clear();
    unsealedCookies.set(cookieValue, { token: data.token, rememberedUntil: Date.now() + REMEMBER_MS });
    return data.token;
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
