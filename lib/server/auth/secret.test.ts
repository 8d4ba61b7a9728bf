import { afterEach, describe, expect, it, vi } from "vitest";

// The environment is read once per process, so each case loads the module afresh.
async function load(variables: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
  const [{ sessionSecret }, { env }] = await Promise.all([import("./secret"), import("../env")]);
  return { sessionSecret, env };
}

afterEach(() => vi.unstubAllEnvs());

describe("session secret", () => {
  it("falls back to a fixed development secret in emulator mode", async () => {
    const { sessionSecret, env } = await load({
      RECAPTURE_API_KEY: "",
      SESSION_SECRET: "",
    });
    expect(sessionSecret().length).toBeGreaterThanOrEqual(32);
    expect(() => env()).not.toThrow();
  });

  it("uses SESSION_SECRET when it is set", async () => {
    const secret = "a-configured-secret-of-at-least-32-chars";
    const { sessionSecret } = await load({ RECAPTURE_API_KEY: "", SESSION_SECRET: secret });
    expect(sessionSecret()).toBe(secret);
  });

  // The live-mode rule is part of the settings, checked when start-up first reads them.
  it("is required in live mode, and the error names the variable", async () => {
    const { sessionSecret, env } = await load({
      RECAPTURE_API_KEY: "live-key",
      SESSION_SECRET: "",
    });
    expect(() => env()).toThrow(/SESSION_SECRET: required when RECAPTURE_API_KEY is set/);
    expect(() => sessionSecret()).toThrow(/SESSION_SECRET/);
  });
});
