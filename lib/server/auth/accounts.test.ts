import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDatabase } from "@/lib/server/db";
import { listUsers } from "@/lib/server/db/users";
import { overHttp } from "@/lib/testing/over-http";
import * as accounts from "./accounts";
import { createSession, resolveSession, type SessionUser } from "./sessions";

// Domain errors as a route answers them, so each check sees the status an API client gets.
const { authenticate } = accounts;
const changeAccount = overHttp(accounts.changeAccount);
const createAccount = overHttp(accounts.createAccount);
const enableAccount = overHttp(accounts.enableAccount);
const resetPassword = overHttp(accounts.resetPassword);

vi.stubEnv("DATABASE_URL", ":memory:");

afterEach(() => closeDatabase());

describe("accounts", () => {
  let admin: SessionUser;
  beforeEach(async () => {
    const created = await createAccount({
      email: "boss@dealer.test",
      role: "admin",
      password: "boss-password-1",
    });
    admin = { id: created.id, email: created.email, name: null, role: "admin" };
  });

  it("sign in with the right password only, and never when disabled", async () => {
    const sam = await createAccount({
      email: "sam@dealer.test",
      name: "Sam",
      role: "staff",
      password: "sam-password-12",
    });
    expect(await authenticate("sam@dealer.test", "sam-password-12")).toEqual({
      id: sam.id,
      email: "sam@dealer.test",
      name: "Sam",
      role: "staff",
    });
    expect(await authenticate("sam@dealer.test", "wrong-password")).toBeUndefined();
    expect(await authenticate("nobody@dealer.test", "sam-password-12")).toBeUndefined();
    changeAccount(admin, sam.id, { disabled: true });
    expect(await authenticate("sam@dealer.test", "sam-password-12")).toBeUndefined();
  });

  it("are unique by email whatever the letter case", async () => {
    await expect(
      createAccount({ email: "BOSS@dealer.test", role: "viewer", password: "another-password" }),
    ).rejects.toMatchObject({
      status: 409,
      code: "email_taken",
      fields: { email: "Already in use" },
    });
  });

  it("can't have an admin demote or disable themselves, so an admin always remains", () => {
    expect(() => changeAccount(admin, admin.id, { role: "staff" })).toThrow(
      expect.objectContaining({ status: 409, code: "own_account" }),
    );
    expect(() => changeAccount(admin, admin.id, { disabled: true })).toThrow(
      expect.objectContaining({ status: 409 }),
    );
    expect(changeAccount(admin, admin.id, { name: "The Boss", role: "admin" }).name).toBe("The Boss");
  });

  describe("always keep one enabled admin", () => {
    let other: SessionUser;
    beforeEach(async () => {
      const created = await createAccount({
        email: "kim@dealer.test",
        role: "admin",
        password: "kim-password-12",
      });
      other = { id: created.id, email: created.email, name: null, role: "admin" };
    });
    const enabledAdmins = () => listUsers().filter((user) => user.role === "admin" && !user.disabled);

    it("when two admins disable each other, the second is refused", () => {
      // Both requests passed their sign-in check before either change was made.
      changeAccount(admin, other.id, { disabled: true });
      expect(() => changeAccount(other, admin.id, { disabled: true })).toThrow(
        expect.objectContaining({ status: 409, code: "last_admin" }),
      );
      expect(enabledAdmins().map((user) => user.email)).toEqual(["boss@dealer.test"]);
    });

    it("when two admins demote each other, the second is refused", () => {
      changeAccount(admin, other.id, { role: "staff" });
      expect(() => changeAccount(other, admin.id, { role: "viewer" })).toThrow(
        expect.objectContaining({ status: 409, code: "last_admin" }),
      );
      expect(enabledAdmins()).toHaveLength(1);
    });

    it("but other changes to the last admin, and to everyone else, go through", async () => {
      changeAccount(admin, other.id, { disabled: true });
      expect(changeAccount(other, admin.id, { name: "Still the boss" }).name).toBe("Still the boss");
      const sam = await createAccount({
        email: "sam@dealer.test",
        role: "staff",
        password: "sam-password-12",
      });
      expect(changeAccount(admin, sam.id, { role: "viewer", disabled: true })).toMatchObject({
        role: "viewer",
        disabled: true,
      });
      expect(enableAccount(other.id).disabled).toBe(false);
      expect(() => enableAccount(999)).toThrow(expect.objectContaining({ status: 404 }));
    });
  });

  it("end every session of an account that is disabled or has its password reset", async () => {
    const sam = await createAccount({ email: "sam@dealer.test", role: "staff", password: "sam-password-12" });
    const first = createSession(sam.id);
    changeAccount(admin, sam.id, { disabled: true });
    changeAccount(admin, sam.id, { disabled: false });
    expect(resolveSession(first)).toBeUndefined();

    const second = createSession(sam.id);
    await resetPassword(sam.id, "new-sam-password");
    expect(resolveSession(second)).toBeUndefined();
    expect(await authenticate("sam@dealer.test", "sam-password-12")).toBeUndefined();
    expect(await authenticate("sam@dealer.test", "new-sam-password")).toBeDefined();
  });

  it("answer 404 for an account that doesn't exist", async () => {
    expect(() => changeAccount(admin, 999, { role: "viewer" })).toThrow(
      expect.objectContaining({ status: 404 }),
    );
    await expect(resetPassword(999, "whatever-password")).rejects.toMatchObject({ status: 404 });
  });

  it("never expose the password hash", () => {
    expect(JSON.stringify(listUsers())).not.toContain("scrypt");
  });
});

describe("demo accounts", () => {
  afterEach(() => vi.resetModules());

  it("exist in emulator mode", async () => {
    vi.resetModules();
    vi.stubEnv("RECAPTURE_API_KEY", "");
    const { seedDemoAccounts, authenticate: signInCheck } = await import("./accounts");
    await seedDemoAccounts();
    await seedDemoAccounts();
    expect(await signInCheck("viewer@demo.local", "demo-password")).toMatchObject({ role: "viewer" });
    const { listUsers: list } = await import("@/lib/server/db/users");
    expect(list().map((user) => user.email)).toEqual([
      "admin@demo.local",
      "staff@demo.local",
      "viewer@demo.local",
    ]);
  });

  it("are never created in live mode", async () => {
    vi.resetModules();
    vi.stubEnv("RECAPTURE_API_KEY", "live-key");
    // Live mode's settings are only valid with a session secret.
    vi.stubEnv("SESSION_SECRET", "unit-test-session-secret-at-least-32-characters");
    const { seedDemoAccounts } = await import("./accounts");
    await seedDemoAccounts();
    const { listUsers: list } = await import("@/lib/server/db/users");
    expect(list()).toEqual([]);
  });
});
