import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { listUsers } from "@/lib/server/db/users";
import { describeEachEngine } from "@/lib/testing/database-engines";
import { overHttp } from "@/lib/testing/over-http";
import * as accounts from "./accounts";
import { createSession, resolveSession, type SessionUser } from "./sessions";

// Domain errors as a route answers them, so each check sees the status an API client gets.
const { authenticate } = accounts;
const changeAccount = overHttp(accounts.changeAccount);
const createAccount = overHttp(accounts.createAccount);
const enableAccount = overHttp(accounts.enableAccount);
const resetPassword = overHttp(accounts.resetPassword);

const statusOf = (attempt: Promise<unknown>) =>
  attempt.then(
    () => 200,
    (error: { status: number }) => error.status,
  );

describeEachEngine("accounts", () => {
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
    await changeAccount(admin, sam.id, { disabled: true });
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
    expect(await authenticate("Boss@Dealer.test", "boss-password-1")).toMatchObject({ id: admin.id });
  });

  it("can't have an admin demote or disable themselves, so an admin always remains", async () => {
    await expect(changeAccount(admin, admin.id, { role: "staff" })).rejects.toMatchObject({
      status: 409,
      code: "own_account",
    });
    await expect(changeAccount(admin, admin.id, { disabled: true })).rejects.toMatchObject({ status: 409 });
    expect((await changeAccount(admin, admin.id, { name: "The Boss", role: "admin" })).name).toBe("The Boss");
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
    const enabledAdmins = async () =>
      (await listUsers()).filter((user) => user.role === "admin" && !user.disabled);

    it("when two admins disable each other, the second is refused", async () => {
      // Both requests passed their sign-in check before either change was made.
      await changeAccount(admin, other.id, { disabled: true });
      await expect(changeAccount(other, admin.id, { disabled: true })).rejects.toMatchObject({
        status: 409,
        code: "last_admin",
      });
      expect((await enabledAdmins()).map((user) => user.email)).toEqual(["boss@dealer.test"]);
    });

    it("when two admins demote each other, the second is refused", async () => {
      await changeAccount(admin, other.id, { role: "staff" });
      await expect(changeAccount(other, admin.id, { role: "viewer" })).rejects.toMatchObject({
        status: 409,
        code: "last_admin",
      });
      expect(await enabledAdmins()).toHaveLength(1);
    });

    it("when two admins disable or demote each other at the same moment, exactly one change goes through", async () => {
      for (let round = 0; round < 5; round++) {
        const statuses = await Promise.all([
          statusOf(changeAccount(admin, other.id, round % 2 ? { role: "staff" } : { disabled: true })),
          statusOf(changeAccount(other, admin.id, round % 2 ? { role: "viewer" } : { disabled: true })),
        ]);
        expect(statuses.sort()).toEqual([200, 409]);
        expect(await enabledAdmins()).toHaveLength(1);
        // Both admins again for the next round.
        await enableAccount(admin.id);
        await enableAccount(other.id);
        const survivor = (await enabledAdmins())[0]!;
        const demoted = survivor.id === admin.id ? other : admin;
        await changeAccount(survivor as SessionUser, demoted.id, { role: "admin" });
      }
    });

    it("but other changes to the last admin, and to everyone else, go through", async () => {
      await changeAccount(admin, other.id, { disabled: true });
      expect((await changeAccount(other, admin.id, { name: "Still the boss" })).name).toBe("Still the boss");
      const sam = await createAccount({
        email: "sam@dealer.test",
        role: "staff",
        password: "sam-password-12",
      });
      expect(await changeAccount(admin, sam.id, { role: "viewer", disabled: true })).toMatchObject({
        role: "viewer",
        disabled: true,
      });
      expect((await enableAccount(other.id)).disabled).toBe(false);
      await expect(enableAccount(999)).rejects.toMatchObject({ status: 404 });
    });
  });

  it("end every session of an account that is disabled or has its password reset", async () => {
    const sam = await createAccount({ email: "sam@dealer.test", role: "staff", password: "sam-password-12" });
    const first = await createSession(sam.id);
    await changeAccount(admin, sam.id, { disabled: true });
    await changeAccount(admin, sam.id, { disabled: false });
    expect(await resolveSession(first)).toBeUndefined();

    const second = await createSession(sam.id);
    await resetPassword(sam.id, "new-sam-password");
    expect(await resolveSession(second)).toBeUndefined();
    expect(await authenticate("sam@dealer.test", "sam-password-12")).toBeUndefined();
    expect(await authenticate("sam@dealer.test", "new-sam-password")).toBeDefined();
  });

  it("answer 404 for an account that doesn't exist", async () => {
    await expect(changeAccount(admin, 999, { role: "viewer" })).rejects.toMatchObject({ status: 404 });
    await expect(resetPassword(999, "whatever-password")).rejects.toMatchObject({ status: 404 });
  });

  it("never expose the password hash", async () => {
    expect(JSON.stringify(await listUsers())).not.toContain("scrypt");
  });
});

describeEachEngine("demo accounts", () => {
  afterEach(() => vi.resetModules());

  it("exist in emulator mode", async () => {
    vi.resetModules();
    vi.stubEnv("RECAPTURE_API_KEY", "");
    const { seedDemoAccounts, authenticate: signInCheck } = await import("./accounts");
    await seedDemoAccounts();
    await seedDemoAccounts();
    expect(await signInCheck("viewer@demo.local", "demo-password")).toMatchObject({ role: "viewer" });
    const { listUsers: list } = await import("@/lib/server/db/users");
    expect((await list()).map((user) => user.email)).toEqual([
      "admin@demo.local",
      "manager@demo.local",
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
    expect(await list()).toEqual([]);
  });
});
