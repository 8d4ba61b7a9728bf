import { describe, expect, it } from "vitest";
import { emulatorOptionsFromEnv } from "./options";

describe("emulatorOptionsFromEnv", () => {
  it("has sensible defaults", () => {
    expect(emulatorOptionsFromEnv({})).toEqual({
      db: "./data/emulator.db",
      apiKeys: ["demo-key"],
      processRate: 500,
      control: false,
      seed: undefined,
      rateLimitPerMinute: undefined,
      faults: {},
      marketSeed: undefined,
    });
  });

  it("reads every variable, faults included", () => {
    const options = emulatorOptionsFromEnv({
      EMULATOR_DB: ":memory:",
      EMULATOR_API_KEYS: " one, two ,,",
      EMULATOR_PROCESS_RATE: "0",
      EMULATOR_CONTROL: "1",
      EMULATOR_SEED: "demo",
      EMULATOR_RATE_LIMIT: "120",
      EMULATOR_MARKET_SEED: "m",
      EMULATOR_FAULT_LATENCY_MS: "250",
      EMULATOR_FAULT_ERROR_RATE: "0.1",
      EMULATOR_FAULT_RATE_LIMIT_RESET_SECONDS: "10",
      EMULATOR_FAULT_HTML_RATE: "",
    });
    expect(options).toEqual({
      db: ":memory:",
      apiKeys: ["one", "two"],
      processRate: 0,
      control: true,
      seed: "demo",
      rateLimitPerMinute: 120,
      marketSeed: "m",
      faults: { latencyMs: 250, errorRate: 0.1, rateLimitResetSeconds: 10 },
    });
  });

  it("names the variable with a bad value", () => {
    expect(() => emulatorOptionsFromEnv({ EMULATOR_PROCESS_RATE: "fast" })).toThrow(/EMULATOR_PROCESS_RATE/);
    expect(() => emulatorOptionsFromEnv({ EMULATOR_API_KEYS: " , " })).toThrow(/EMULATOR_API_KEYS/);
    expect(() => emulatorOptionsFromEnv({ EMULATOR_FAULT_ERROR_RATE: "2" })).toThrow(/errorRate/);
    expect(() => emulatorOptionsFromEnv({ EMULATOR_FAULT_HANG_MS: "soon" })).toThrow(
      /EMULATOR_FAULT_HANG_MS/,
    );
  });
});
