import { describe, expect, it, vi } from "vitest";
import { HashingBusyError } from "./hashing-queue";
import { decoyHash, hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("stores scrypt with its cost and a per-user salt, never the password", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(hash).not.toContain("correct horse battery");
    expect(await hashPassword("correct horse battery")).not.toBe(hash);
  });

  it("accepts the right password and refuses others", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("treats the composed and decomposed forms of an accented letter as the same password", async () => {
    const hash = await hashPassword("caf\u00e9-password");
    expect(await verifyPassword("cafe\u0301-password", hash)).toBe(true);
  });

  it("refuses anything that is not one of its hashes", async () => {
    expect(await verifyPassword("x", "")).toBe(false);
    expect(await verifyPassword("x", "md5$abc")).toBe(false);
  });

  it("has a decoy hash that no password someone types will match", async () => {
    expect(await verifyPassword("demo-password", await decoyHash())).toBe(false);
    expect(await decoyHash()).toBe(await decoyHash());
  });

  it("runs a few hashes at a time and turns the longest-waiting away when too many queue", async () => {
    vi.resetModules();
    const fresh = await import("./password");
    const outcome = (hashing: Promise<string>) =>
      hashing.then(
        () => "hashed",
        (error: unknown) => error,
      );
    const storm = Array.from({ length: 10 }, () => outcome(fresh.hashPassword("storm-password")));
    const decoy = outcome(fresh.decoyHash());
    const later = Array.from({ length: 20 }, () => outcome(fresh.hashPassword("storm-password")));
    const results = await Promise.all([...storm, decoy, ...later]);
    // Two running and eight waiting were hashed: those that came last.
    expect(results.filter((result) => result === "hashed")).toHaveLength(10);
    expect(results.slice(-8)).toEqual(Array(8).fill("hashed"));
    expect(await decoy).toBeInstanceOf(HashingBusyError);
    // The decoy turned away is hashed afresh next time, not remembered as a failure.
    expect(await fresh.verifyPassword("demo-password", await fresh.decoyHash())).toBe(false);
  });
});
