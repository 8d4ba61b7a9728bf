import { describe, expect, it, vi } from "vitest";
import { sealSessionToken, sessionCookieOptions, unsealSessionToken } from "./cookie";

vi.stubEnv("SESSION_SECRET", "unit-test-session-secret-at-least-32-characters");

describe("session cookie", () => {
  it("seals the token so it can be read back only with the secret", async () => {
    const sealed = await sealSessionToken("token-123");
    expect(sealed).not.toContain("token-123");
    expect(await unsealSessionToken(sealed)).toBe("token-123");
  });

  it("yields nothing for a missing, tampered or foreign cookie", async () => {
    const sealed = await sealSessionToken("token-123");
    expect(await unsealSessionToken(undefined)).toBeUndefined();
    expect(await unsealSessionToken("")).toBeUndefined();
    expect(await unsealSessionToken(`${sealed.slice(0, -4)}AAAA`)).toBeUndefined();
    expect(await unsealSessionToken("Fe26.2*not*a*seal")).toBeUndefined();
    // Another deployment (another secret) cannot read it: the environment is read once, so load the module afresh.
    vi.resetModules();
    vi.stubEnv("SESSION_SECRET", "a-different-secret-that-is-also-32-characters");
    const elsewhere = await import("./cookie");
    expect(await elsewhere.unsealSessionToken(sealed)).toBeUndefined();
  });

  it("is HttpOnly and SameSite=Lax, and Secure only when asked", () => {
    expect(sessionCookieOptions(false)).toMatchObject({
      httpOnly: true,
      sameSite: "lax",
      secure: false,
      path: "/",
    });
    expect(sessionCookieOptions(true).secure).toBe(true);
  });
});
