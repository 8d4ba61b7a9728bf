import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDatabase, db } from "@/lib/server/db";
import { findSessionWithUser } from "@/lib/server/db/session-rows";
import { insertUser, updateUser } from "@/lib/server/db/users";
import { createSession, endSession, resolveSession } from "./sessions";

vi.stubEnv("DATABASE_URL", ":memory:");
vi.stubEnv("SESSION_IDLE_HOURS", "12");

const at = (hours: number) => new Date(Date.UTC(2025, 5, 15, 0, 0) + hours * 60 * 60 * 1000);

let userId: number;
beforeEach(() => {
  userId = insertUser({ email: "staff@dealer.test", name: "Sam", role: "staff", passwordHash: "x" })!.id;
});
afterEach(() => closeDatabase());

describe("sessions", () => {
  it("resolve to the signed-in account", () => {
    const token = createSession(userId, at(0));
    expect(resolveSession(token, at(1))).toEqual({
      id: userId,
      email: "staff@dealer.test",
      name: "Sam",
      role: "staff",
    });
  });

  it("are stored under a hash of the token, so the table alone cannot be used to sign in", () => {
    const token = createSession(userId, at(0));
    expect(findSessionWithUser(token)).toBeUndefined();
  });

  it("end after SESSION_IDLE_HOURS without a request, and stay ended", () => {
    const token = createSession(userId, at(0));
    expect(resolveSession(token, at(11.9))).toBeDefined();
    // Activity at 11.9 h moved the idle clock on: 12 h after it, not after sign-in.
    expect(resolveSession(token, at(23.8))).toBeDefined();
    expect(resolveSession(token, at(35.9))).toBeUndefined();
    expect(resolveSession(token, at(36))).toBeUndefined();
  });

  it("don't write on every request: last seen moves at most once a minute", () => {
    const token = createSession(userId, at(0));
    const lastSeen = () =>
      (db().prepare("SELECT last_seen_at FROM sessions").get() as { last_seen_at: string }).last_seen_at;
    resolveSession(token, new Date(at(0).getTime() + 30_000));
    expect(lastSeen()).toBe(at(0).toISOString());
    resolveSession(token, new Date(at(0).getTime() + 90_000));
    expect(lastSeen()).toBe(new Date(at(0).getTime() + 90_000).toISOString());
  });

  it("read the role fresh, so an admin's change applies at the next request", () => {
    const token = createSession(userId, at(0));
    updateUser(userId, { role: "viewer" });
    expect(resolveSession(token, at(0))?.role).toBe("viewer");
  });

  it("end when the account is disabled", () => {
    const token = createSession(userId, at(0));
    updateUser(userId, { disabled: true });
    expect(resolveSession(token, at(0))).toBeUndefined();
    updateUser(userId, { disabled: false });
    expect(resolveSession(token, at(0))).toBeUndefined();
  });

  it("end on sign-out", () => {
    const token = createSession(userId, at(0));
    endSession(token);
    expect(resolveSession(token, at(0))).toBeUndefined();
  });

  it("never resolve an unknown token", () => {
    createSession(userId, at(0));
    expect(resolveSession("made-up-token", at(0))).toBeUndefined();
  });
});
