import { describe, expect, it } from "vitest";
import { dashboardUrl, embeddedEmulatorOptions, InvalidEnvironmentError, parseEnv } from "./env";

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

  it("refuses a live key without a session secret, naming the variable but not the key", () => {
    const secret = "a-configured-secret-of-at-least-32-chars";
    expect(() => parseEnv({ RECAPTURE_API_KEY: "live-key" })).toThrow(
      "SESSION_SECRET: required when RECAPTURE_API_KEY is set (live mode); use at least 32 random characters, e.g. `openssl rand -base64 32`",
    );
    expect(() => parseEnv({ RECAPTURE_API_KEY: "live-key", SESSION_SECRET: "" })).toThrow(/SESSION_SECRET/);
    expect(parseEnv({ RECAPTURE_API_KEY: "live-key", SESSION_SECRET: secret }).SESSION_SECRET).toBe(secret);
    expect(parseEnv({ SESSION_SECRET: "" }).SESSION_SECRET).toBeUndefined();
  });

  it("keeps mail in the outbox without SMTP_URL, and sends at 08:00 unless told otherwise", () => {
    const settings = parseEnv({});
    expect(settings.SMTP_URL).toBeUndefined();
    expect(settings.DIGEST_TIME).toBe("08:00");
    expect(dashboardUrl(settings)).toBe("http://localhost:3000");
    expect(parseEnv({ DIGEST_TIME: "17:30" }).DIGEST_TIME).toBe("17:30");
    expect(() => parseEnv({ DIGEST_TIME: "8am" })).toThrow(/DIGEST_TIME: must be a time of day/);
    expect(() => parseEnv({ DIGEST_TIME: "24:00" })).toThrow(/DIGEST_TIME/);
  });

  it("with SMTP_URL, needs MAIL_FROM and DASHBOARD_URL, and never echoes the mail server's password", () => {
    const smtp = "smtp://mailer:hunter2-password@mail.dealership.com.au:587";
    expect(() => parseEnv({ SMTP_URL: smtp, DASHBOARD_URL: "https://recapture.dealership.com.au" })).toThrow(
      /MAIL_FROM: required when SMTP_URL is set/,
    );
    expect(() => parseEnv({ SMTP_URL: smtp, MAIL_FROM: "recapture@dealership.com.au" })).toThrow(
      /DASHBOARD_URL: required when SMTP_URL is set/,
    );
    const settings = parseEnv({
      SMTP_URL: smtp,
      MAIL_FROM: "Recapture <recapture@dealership.com.au>",
      DASHBOARD_URL: "https://recapture.dealership.com.au/",
    });
    expect(dashboardUrl(settings)).toBe("https://recapture.dealership.com.au");
    expect(() => parseEnv({ MAIL_FROM: "not an address" })).toThrow(/MAIL_FROM/);
    try {
      parseEnv({ SMTP_URL: "http://mailer:hunter2-password@mail.dealership.com.au" });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).toContain("SMTP_URL: must be an smtp:// or smtps:// URL");
      expect(String(error)).not.toContain("hunter2");
    }
  });
});

describe("embeddedEmulatorOptions", () => {
  it("starts the demo dealership on defaults alone", () => {
    expect(embeddedEmulatorOptions(parseEnv({}))).toEqual({
      db: "./data/emulator.db",
      apiKeys: ["demo-key"],
      processRate: 500,
      control: false,
      seed: "demo",
      rateLimitPerMinute: undefined,
      faults: {},
      marketSeed: undefined,
    });
  });

  it("takes every EMULATOR_* setting from the dashboard's settings", () => {
    const options = embeddedEmulatorOptions(
      parseEnv({
        EMULATOR_DB: ":memory:",
        EMULATOR_API_KEYS: " first-key , second-key ,",
        EMULATOR_PROCESS_RATE: "0",
        EMULATOR_CONTROL: "1",
        EMULATOR_RATE_LIMIT: "1000000",
        EMULATOR_MARKET_SEED: "test-market",
        EMULATOR_FAULT_LATENCY_MS: "250",
        EMULATOR_FAULT_ERROR_RATE: "0.5",
        EMULATOR_FAULT_TIMES: "3",
        EMULATOR_FAULT_HANG_RATE: "",
      }),
    );
    expect(options).toEqual({
      db: ":memory:",
      apiKeys: ["first-key", "second-key"],
      processRate: 0,
      control: true,
      seed: "demo",
      rateLimitPerMinute: 1_000_000,
      faults: { latencyMs: 250, errorRate: 0.5, times: 3 },
      marketSeed: "test-market",
    });
  });

  it("names the variable of a bad emulator setting", () => {
    expect(() => parseEnv({ EMULATOR_API_KEYS: " , " })).toThrow(/EMULATOR_API_KEYS: needs at least one key/);
    expect(() => parseEnv({ EMULATOR_FAULT_ERROR_RATE: "2" })).toThrow(/EMULATOR_FAULT_ERROR_RATE/);
    expect(() => parseEnv({ EMULATOR_FAULT_LATENCY_MS: "slow" })).toThrow(/EMULATOR_FAULT_LATENCY_MS/);
    expect(() => parseEnv({ EMULATOR_RATE_LIMIT: "0" })).toThrow(/EMULATOR_RATE_LIMIT/);
  });
});
