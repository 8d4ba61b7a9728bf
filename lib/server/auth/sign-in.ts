import "server-only";
import { audit } from "@/lib/server/http/audit";
import { HttpError } from "@/lib/server/http/errors";
import { authenticate } from "./accounts";
import { createSession, type SessionUser } from "./sessions";
import { FailureThrottle, SIGN_IN_FAILURE_LIMIT, SIGN_IN_WINDOW_MS } from "./throttle";

/** One message for every wrong email, password or disabled account, so answers don't reveal which emails exist. */
export const SIGN_IN_FAILED = "That email and password don't match an active account.";

// Per process, and kept on globalThis so a dev-server reload doesn't forget the counts.
const holder = globalThis as typeof globalThis & { signInThrottle?: FailureThrottle };
const throttle = () =>
  (holder.signInThrottle ??= new FailureThrottle(SIGN_IN_FAILURE_LIMIT, SIGN_IN_WINDOW_MS));

/**
 * Checks a password and starts a session. Failures are counted per client
 * address and per email; after 5 in a minute either one must wait, and it is
 * told how long (429 with Retry-After).
 */
export async function signIn(input: SignInAttempt): Promise<{ user: SessionUser; token: string }> {
  const keys = [`ip:${input.ip}`, `email:${input.email}`];
  const wait = Math.max(...keys.map((key) => throttle().waitSeconds(key)));
  if (wait > 0) {
    auditFailure(input, "throttled");
    const message = `Too many sign-in attempts. Try again in ${wait} seconds.`;
    throw new HttpError(429, "too_many_attempts", message, undefined, { retryAfterSeconds: wait });
  }

  const user = await authenticate(input.email, input.password);
  if (!user) {
    for (const key of keys) throttle().recordFailure(key);
    auditFailure(input, "wrong credentials");
    throw new HttpError(401, "invalid_credentials", SIGN_IN_FAILED);
  }

  throttle().clear(`email:${input.email}`);
  audit({ user, action: "auth.sign_in", target: user.email, outcome: "success" });
  return { user, token: createSession(user.id) };
}

interface SignInAttempt {
  email: string;
  password: string;
  ip: string;
}

function auditFailure(input: SignInAttempt, reason: string): void {
  audit({
    user: null,
    action: "auth.sign_in",
    target: input.email,
    outcome: "failure",
    detail: `${reason} (${input.ip})`,
  });
}
