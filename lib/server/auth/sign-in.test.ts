import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { listAuditEntries } from "@/lib/server/db/audit-log";
import { insertUser } from "@/lib/server/db/users";
import { describeEachEngine } from "@/lib/testing/database-engines";
import { authenticate } from "./accounts";
import { HashingBusyError } from "./hashing-queue";
import { resolveSession, type SessionUser } from "./sessions";
import { overHttp } from "@/lib/testing/over-http";
import { signIn as signInDomain, SIGN_IN_FAILED, SIGN_IN_LIMITS } from "./sign-in";

// Domain errors as a route answers them, so each check sees the status an API client gets.
const signIn = overHttp(signInDomain);

// The password check itself (scrypt, ~0.1 s) has its own tests; here it answers after a moment.
vi.mock("./accounts", () => ({ authenticate: vi.fn() }));

const password = "the-right-password";
let counter = 0;
const nextAddress = () => `198.51.100.${++counter}`;
let account: SessionUser;
let email: string;

const statusOf = (attempt: Promise<unknown>) =>
  attempt.then(
    () => 200,
    (error: { status: number }) => error.status,
  );

describeEachEngine("signIn", () => {
  beforeEach(async () => {
    email = `sam-${++counter}@dealer.test`;
    const user = (await insertUser({ email, name: null, role: "staff", passwordHash: "not checked here" }))!;
    account = { id: user.id, email, name: null, role: "staff" };
    vi.mocked(authenticate).mockImplementation(async (tried, triedPassword) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return tried === email && triedPassword === password ? account : undefined;
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.mocked(authenticate).mockReset();
  });

  it("starts a session for the right password and records it", async () => {
    const { user, token } = await signIn({ email, password, address: nextAddress() });
    expect(user.email).toBe(email);
    expect(await resolveSession(token)).toEqual(user);
    expect((await listAuditEntries({ limit: 10, offset: 0 })).entries[0]).toMatchObject({
      action: "auth.sign_in",
      outcome: "success",
      userEmail: email,
    });
  });

  it("gives one message whether the email is unknown or the password wrong, and logs them as one row per address", async () => {
    const address = nextAddress();
    await expect(signIn({ email, password: "nope", address })).rejects.toMatchObject({
      status: 401,
      message: SIGN_IN_FAILED,
    });
    await expect(signIn({ email: "nobody@dealer.test", password: "nope", address })).rejects.toMatchObject({
      status: 401,
      message: SIGN_IN_FAILED,
    });
    const { entries } = await listAuditEntries({ limit: 10, offset: 0 });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "auth.sign_in",
      outcome: "failure",
      userEmail: null,
      target: address,
      repeats: 2,
      detail: "wrong email or password, as nobody@dealer.test",
    });
  });

  it("checks no more passwords than the limit when 20 wrong ones arrive at once", async () => {
    const address = nextAddress();
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => statusOf(signIn({ email, password: `wrong-${i}`, address }))),
    );
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
    expect(authenticate).toHaveBeenCalledTimes(5);
  });

  it("locks one address out of an account, with the wait, while its owner signs in from elsewhere", async () => {
    const guesser = nextAddress();
    for (let attempt = 0; attempt < 5; attempt++) {
      await expect(signIn({ email, password: "nope", address: guesser })).rejects.toMatchObject({
        status: 401,
      });
    }
    const refused = signIn({ email, password, address: guesser });
    await expect(refused).rejects.toMatchObject({
      status: 429,
      code: "too_many_attempts",
      retryAfterSeconds: expect.any(Number),
    });
    await expect(refused).rejects.toThrow(/^Too many sign-in attempts\. Try again in \d+ seconds\.$/);
    await expect(signIn({ email, password, address: nextAddress() })).resolves.toBeDefined();
  });

  it("throttles one address trying many emails", async () => {
    const address = nextAddress();
    for (let attempt = 0; attempt < 5; attempt++) {
      await expect(
        signIn({ email: `guess${attempt}@dealer.test`, password: "nope", address }),
      ).rejects.toMatchObject({ status: 401 });
    }
    await expect(signIn({ email, password, address })).rejects.toMatchObject({ status: 429 });
    await expect(signIn({ email, password, address: nextAddress() })).resolves.toBeDefined();
  });

  it("locks an account tried from many addresses only at its own, much higher limit", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-06-15T09:00:00Z"));
    for (let attempt = 0; attempt < SIGN_IN_LIMITS.account.limit; attempt++) {
      await expect(
        signIn({ email, password: "nope", address: `10.0.${counter}.${attempt}` }),
      ).rejects.toMatchObject({ status: 401 });
    }
    await expect(signIn({ email, password, address: nextAddress() })).rejects.toMatchObject({
      status: 429,
      retryAfterSeconds: 15 * 60,
    });
    vi.setSystemTime(new Date("2026-06-15T09:15:01Z"));
    await expect(signIn({ email, password, address: nextAddress() })).resolves.toBeDefined();
  });

  it("does not count a right password, nor wipe the address's failures with it", async () => {
    const address = nextAddress();
    for (let attempt = 0; attempt < 4; attempt++) {
      await expect(signIn({ email, password: "nope", address })).rejects.toMatchObject({ status: 401 });
    }
    await expect(signIn({ email, password, address })).resolves.toBeDefined();
    await expect(signIn({ email, password: "nope", address })).rejects.toMatchObject({ status: 401 });
    await expect(signIn({ email, password: "nope", address })).rejects.toMatchObject({ status: 429 });
  });

  it("does not count an attempt the busy password check turned away", async () => {
    const address = nextAddress();
    vi.mocked(authenticate).mockRejectedValue(new HashingBusyError());
    for (let attempt = 0; attempt < 10; attempt++) {
      await expect(signIn({ email, password, address })).rejects.toMatchObject({ status: 429, code: "busy" });
    }
    vi.mocked(authenticate).mockResolvedValue(account);
    await expect(signIn({ email, password, address })).resolves.toBeDefined();
  });
});
