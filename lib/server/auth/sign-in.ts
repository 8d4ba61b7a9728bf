import "server-only";
import { audit, auditSummarised } from "@/lib/server/audit";
import { dashboardDatabase } from "@/lib/server/db";
import { DomainError } from "@/lib/server/domain-error";
import { authenticate } from "./accounts";
import { createSession, type SessionUser } from "./sessions";
import { AttemptThrottle, type ThrottleKey } from "./throttle";

/** One message for every wrong email, password or disabled account, so answers don't reveal which emails exist. */
export const SIGN_IN_FAILED = "That email and password don't match an active account.";

const MINUTE_MS = 60_000;

/**
 * OWASP's advice on lockout: one address, and one address on one account, get
 * a tight limit, which stops guessing; an account alone gets a far higher one,
 * so someone guessing from elsewhere cannot lock its owner out, while a
 * spread-out attack on one account is still stopped.
 */
export const SIGN_IN_LIMITS = {
  address: { limit: 5, windowMs: MINUTE_MS },
  addressAndAccount: { limit: 5, windowMs: MINUTE_MS },
  account: { limit: 100, windowMs: 15 * MINUTE_MS },
};

/** Failed sign-ins from one address are one row per this window in the audit log. */
export const FAILED_SIGN_IN_SUMMARY_MS = 15 * MINUTE_MS;

// The counts are in the database, shared by every instance using it.
const throttle = new AttemptThrottle(dashboardDatabase);

interface SignInAttempt {
  email: string;
  password: string;
  /** The client's address (clientAddress()). */
  address: string;
}

/**
 * Checks a password and starts a session. The attempt is counted before the
 * password is checked, so concurrent attempts cannot get more answers than the
 * limits allow; one past them gets 429 with the wait (Retry-After). A right
 * password takes its attempt back.
 */
export async function signIn(input: SignInAttempt): Promise<{ user: SessionUser; token: string }> {
  const keys = signInKeys(input);
  const attempt = await throttle.reserve(Object.values(keys));
  if (!attempt.reserved) {
    await auditFailure(input, "too many attempts");
    const message = `Too many sign-in attempts. Try again in ${attempt.waitSeconds} seconds.`;
    throw new DomainError("too_many_attempts", "too_many_attempts", message, {
      retryAfterSeconds: attempt.waitSeconds,
    });
  }

  let user: SessionUser | undefined;
  try {
    user = await authenticate(input.email, input.password);
  } catch (error) {
    // Never checked (hashing was busy): it doesn't count against anyone.
    await throttle.release(attempt.reservation);
    throw error;
  }
  if (!user) {
    await auditFailure(input, "wrong email or password");
    throw new DomainError("unauthenticated", "invalid_credentials", SIGN_IN_FAILED);
  }

  await throttle.release(attempt.reservation);
  await throttle.clear(keys.addressAndAccount.key);
  await audit({ user, action: "auth.sign_in", target: user.email, outcome: "success" });
  return { user, token: await createSession(user.id) };
}

function signInKeys({ address, email }: SignInAttempt) {
  return {
    address: { key: `address:${address}`, ...SIGN_IN_LIMITS.address },
    addressAndAccount: { key: `address-account:${address} ${email}`, ...SIGN_IN_LIMITS.addressAndAccount },
    account: { key: `account:${email}`, ...SIGN_IN_LIMITS.account },
  } satisfies Record<keyof typeof SIGN_IN_LIMITS, ThrottleKey>;
}

function auditFailure(input: SignInAttempt, reason: string): Promise<void> {
  return auditSummarised(
    {
      user: null,
      action: "auth.sign_in",
      target: input.address,
      outcome: "failure",
      detail: `${reason}, as ${input.email}`,
    },
    { key: `failed sign-ins from ${input.address}`, windowMs: FAILED_SIGN_IN_SUMMARY_MS },
  );
}
