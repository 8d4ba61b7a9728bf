import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Role } from "@/lib/auth/roles";
import {
  deleteSession,
  deleteSessionsIdleSince,
  findSessionWithUser,
  insertSession,
  touchSession,
} from "@/lib/server/db/session-rows";
import { env } from "@/lib/server/env";

/** Who is making a request, as handlers and pages see it. */
export interface SessionUser {
  id: number;
  email: string;
  name: string | null;
  role: Role;
}

// last_seen_at is only rewritten when it is this stale, so reading a page is not a database write every time.
const TOUCH_INTERVAL_MS = 60_000;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

function idleCutoff(now: Date): string {
  return new Date(now.getTime() - env().SESSION_IDLE_HOURS * 60 * 60 * 1000).toISOString();
}

/** Starts a session for an account and returns the token for the cookie. */
export async function createSession(userId: number, now = new Date()): Promise<string> {
  // Sweep sessions that have ended by inactivity; sign-in is rare enough to carry the cost.
  await deleteSessionsIdleSince(idleCutoff(now));
  const token = randomBytes(32).toString("base64url");
  await insertSession(hashToken(token), userId, now.toISOString());
  return token;
}

/**
 * The signed-in account behind a token, or undefined when the session does not
 * exist, has been idle longer than SESSION_IDLE_HOURS, or its account is disabled.
 * The row is read on every request, never remembered, so a session ended on
 * one instance (sign-out, a disabled account, a password reset) is ended on
 * all of them at once, and an admin's change of role or name applies at the
 * next request.
 */
export async function resolveSession(token: string, now = new Date()): Promise<SessionUser | undefined> {
  const id = hashToken(token);
  const found = await findSessionWithUser(id);
  if (!found) return undefined;
  if (found.session.lastSeenAt < idleCutoff(now) || found.user.disabled) {
    await deleteSession(id);
    return undefined;
  }
  if (now.getTime() - Date.parse(found.session.lastSeenAt) > TOUCH_INTERVAL_MS)
    await touchSession(id, now.toISOString());
  const { id: userId, email, name, role } = found.user;
  return { id: userId, email, name, role };
}

export async function endSession(token: string): Promise<void> {
  await deleteSession(hashToken(token));
}
