import { describe, expect, it } from "vitest";
import { InvalidEnvironmentError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("runs on defaults alone, in emulator mode", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      RECAPTURE_API_URL: "https://api.autograb.com.au",
      RECAPTURE_REGION: "au",
      DATABASE_URL: "file:./data/dashboard.db",
      PORT: 3000,
      RECAPTURE_MAX_UPLOAD_CUSTOMERS: 50_000,
      USER_RATE_LIMIT_PER_SECOND: 10,
      USER_RATE_LIMIT_BURST: 30,
      RECAPTURE_READ_REUSE_MS: 1000,
      LARGE_UPLOADS_AT_ONCE: 2,
    });
    expect(env.RECAPTURE_API_KEY).toBeUndefined();
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ RECAPTURE_API_KEY: "", RECAPTURE_REGION: "" }).RECAPTURE_REGION).toBe("au");
  });

  it("accepts each region of the allow-list", () => {
    for (const region of ["au", "nz", "uk", "my"]) {
      expect(parseEnv({ RECAPTURE_REGION: region }).RECAPTURE_REGION).toBe(region);
    }
  });

  it("names the variable and the accepted values when the region is wrong", () => {
    expect(() => parseEnv({ RECAPTURE_REGION: "mars" })).toThrow(InvalidEnvironmentError);
    expect(() => parseEnv({ RECAPTURE_REGION: "mars" })).toThrow(
      /RECAPTURE_REGION: must be one of au, nz, uk, my \(got "mars"\)/,
    );
  });

  it("refuses a port out of range, a non-URL API address and an unknown time zone", () => {
    expect(() => parseEnv({ PORT: "70000" })).toThrow(/PORT/);
    expect(() => parseEnv({ RECAPTURE_API_URL: "not a url" })).toThrow(/RECAPTURE_API_URL/);
    expect(() => parseEnv({ DEALERSHIP_TIME_ZONE: "Mars/Olympus" })).toThrow(/DEALERSHIP_TIME_ZONE/);
  });

  it("believes no proxy unless told how many stand in front", () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: "" }).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    for (const value of ["true", "-1", "1.5"]) {
      expect(() => parseEnv({ TRUST_PROXY: value })).toThrow(
        `TRUST_PROXY: must be the number of proxies in front of the dashboard, 0 when there are none (got "${value}")`,
      );
    }
  });

  it("keeps the audit log 400 days unless told otherwise", () => {
    expect(parseEnv({}).AUDIT_RETENTION_DAYS).toBe(400);
    expect(parseEnv({ AUDIT_RETENTION_DAYS: "90" }).AUDIT_RETENTION_DAYS).toBe(90);
    expect(() => parseEnv({ AUDIT_RETENTION_DAYS: "0" })).toThrow(/AUDIT_RETENTION_DAYS/);
  });

  it("allows switching read reuse off, but not a rate limit", () => {
    expect(parseEnv({ RECAPTURE_READ_REUSE_MS: "0" }).RECAPTURE_READ_REUSE_MS).toBe(0);
    expect(() => parseEnv({ USER_RATE_LIMIT_PER_SECOND: "0" })).toThrow(/USER_RATE_LIMIT_PER_SECOND/);
  });

  it("never echoes a secret in its message", () => {
    try {
      parseEnv({ SESSION_SECRET: "too-short-secret" });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).toContain("SESSION_SECRET");
      expect(String(error)).not.toContain("too-short-secret");
    }
  });
});
