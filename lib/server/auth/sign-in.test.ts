import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDatabase } from "@/lib/server/db";
import { listAuditEntries } from "@/lib/server/db/audit-log";
import { createAccount } from "./accounts";
import { resolveSession } from "./sessions";
import { signIn, SIGN_IN_FAILED } from "./sign-in";

vi.stubEnv("DATABASE_URL", ":memory:");

const password = "the-right-password";
// The throttle lives as long as the process, so each test has its own email and client addresses.
let counter = 0;
const nextIp = () => `198.51.100.${++counter}`;
let email: string;

beforeEach(async () => {
  email = `sam-${++counter}@dealer.test`;
  await createAccount({ email, role: "staff", password });
});
afterEach(() => closeDatabase());

describe("signIn", () => {
  it("starts a session for the right password and records it", async () => {
    const { user, token } = await signIn({ email, password, ip: nextIp() });
    expect(user.email).toBe(email);
    expect(resolveSession(token)).toEqual(user);
    expect(listAuditEntries({ limit: 10, offset: 0 }).entries[0]).toMatchObject({
      action: "auth.sign_in",
      outcome: "success",
      userEmail: email,
    });
  });

  it("gives one message whether the email is unknown or the password wrong", async () => {
    const address = nextIp();
    await expect(signIn({ email, password: "nope", ip: address })).rejects.toMatchObject({
      status: 401,
      message: SIGN_IN_FAILED,
    });
    await expect(
      signIn({ email: "nobody@dealer.test", password: "nope", ip: address }),
    ).rejects.toMatchObject({
      status: 401,
      message: SIGN_IN_FAILED,
    });
    expect(listAuditEntries({ limit: 10, offset: 0 }).entries[0]).toMatchObject({
      outcome: "failure",
      target: "nobody@dealer.test",
    });
  });

  it("answers the sixth failure in a minute for one email with 429 and the wait, even with the right password", async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      await expect(signIn({ email, password: "nope", ip: nextIp() })).rejects.toMatchObject({ status: 401 });
    }
    const refused = signIn({ email, password, ip: nextIp() });
    await expect(refused).rejects.toMatchObject({
      status: 429,
      code: "too_many_attempts",
      retryAfterSeconds: expect.any(Number),
    });
    await expect(refused).rejects.toThrow(/^Too many sign-in attempts\. Try again in \d+ seconds\.$/);
  });

  it("throttles one address trying many emails", async () => {
    const address = nextIp();
    for (let attempt = 0; attempt < 5; attempt++) {
      await expect(
        signIn({ email: `guess${attempt}@dealer.test`, password: "nope", ip: address }),
      ).rejects.toMatchObject({ status: 401 });
    }
    await expect(signIn({ email, password, ip: address })).rejects.toMatchObject({ status: 429 });
    await expect(signIn({ email, password, ip: nextIp() })).resolves.toBeDefined();
  });
});
