import { beforeEach, expect, it, vi } from "vitest";
import { database } from "@/lib/server/db";
import { findSessionWithUser } from "@/lib/server/db/session-rows";
import { insertUser, updateUser } from "@/lib/server/db/users";
import { describeEachEngine } from "@/lib/testing/database-engines";
import { createSession, endSession, resolveSession } from "./sessions";

vi.stubEnv("SESSION_IDLE_HOURS", "12");

const at = (hours: number) => new Date(Date.UTC(2025, 5, 15, 0, 0) + hours * 60 * 60 * 1000);

describeEachEngine("sessions", () => {
  let userId: number;
  beforeEach(async () => {
    userId = (await insertUser({
      email: "staff@dealer.test",
      name: "Sam",
      role: "staff",
      passwordHash: "x",
    }))!.id;
  });

  it("resolve to the signed-in account", async () => {
    const token = await createSession(userId, at(0));
    expect(await resolveSession(token, at(1))).toEqual({
      id: userId,
      email: "staff@dealer.test",
      name: "Sam",
      role: "staff",
    });
  });

  it("are stored under a hash of the token, so the table alone cannot be used to sign in", async () => {
    const token = await createSession(userId, at(0));
    expect(await findSessionWithUser(token)).toBeUndefined();
  });

  it("end after SESSION_IDLE_HOURS without a request, and stay ended", async () => {
    const token = await createSession(userId, at(0));
    expect(await resolveSession(token, at(11.9))).toBeDefined();
    // Activity at 11.9 h moved the idle clock on: 12 h after it, not after sign-in.
    expect(await resolveSession(token, at(23.8))).toBeDefined();
    expect(await resolveSession(token, at(35.9))).toBeUndefined();
    expect(await resolveSession(token, at(36))).toBeUndefined();
  });

  it("don't write on every request: last seen moves at most once a minute", async () => {
    const token = await createSession(userId, at(0));
    const lastSeen = async () =>
      (await (await database()).selectFrom("sessions").select("last_seen_at").executeTakeFirstOrThrow())
        .last_seen_at;
    await resolveSession(token, new Date(at(0).getTime() + 30_000));
    expect(await lastSeen()).toBe(at(0).toISOString());
    await resolveSession(token, new Date(at(0).getTime() + 90_000));
    expect(await lastSeen()).toBe(new Date(at(0).getTime() + 90_000).toISOString());
  });

  it("read the role fresh, so an admin's change applies at the next request", async () => {
    const token = await createSession(userId, at(0));
    await updateUser(userId, { role: "viewer" });
    expect((await resolveSession(token, at(0)))?.role).toBe("viewer");
  });

  it("end when the account is disabled", async () => {
    const token = await createSession(userId, at(0));
    await updateUser(userId, { disabled: true });
    expect(await resolveSession(token, at(0))).toBeUndefined();
    await updateUser(userId, { disabled: false });
    expect(await resolveSession(token, at(0))).toBeUndefined();
  });

  it("end on sign-out", async () => {
    const token = await createSession(userId, at(0));
    await endSession(token);
    expect(await resolveSession(token, at(0))).toBeUndefined();
  });

  it("never resolve an unknown token", async () => {
    await createSession(userId, at(0));
    expect(await resolveSession("made-up-token", at(0))).toBeUndefined();
  });
});
