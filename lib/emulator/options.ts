import { z } from "zod";
import { faultsFromEnv, type FaultSettings } from "./faults";

export interface EmulatorOptions {
  /** SQLite file path (its folder is created) or ":memory:". */
  db: string;
  /** Each key is its own dealership account. */
  apiKeys: string[];
  /** Customers processed per second across all queued uploads; 0 = as fast as possible. */
  processRate: number;
  /** Mount the /__emulator/* control endpoints. */
  control: boolean;
  /** Load demo data for the first API key (region au) if that account is empty. */
  seed?: "demo";
  /** Requests per minute per API key before 429; default 600. */
  rateLimitPerMinute?: number;
  /** Faults active from the start (and restored by a control reset). */
  faults?: Partial<FaultSettings>;
  /** Seed of the simulated market (and of the fault dice); default "recapture". */
  marketSeed?: string;
  /** Clock in epoch milliseconds, for tests; default Date.now. */
  now?: () => number;
}

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;
export const DEFAULT_MARKET_SEED = "recapture";

const blankAsUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsUndefined, schema.optional());

const envSchema = z.object({
  EMULATOR_DB: optional(z.string()).default("./data/emulator.db"),
  EMULATOR_API_KEYS: optional(z.string()).default("demo-key"),
  EMULATOR_PROCESS_RATE: optional(z.coerce.number().int().min(0)).default(500),
  EMULATOR_CONTROL: optional(z.enum(["0", "1"])).default("0"),
  EMULATOR_SEED: optional(z.enum(["demo"])),
  EMULATOR_RATE_LIMIT: optional(z.coerce.number().int().positive()),
  EMULATOR_MARKET_SEED: optional(z.string()),
});

/** Options from EMULATOR_* variables; a bad value throws an error naming the variable. */
export function emulatorOptionsFromEnv(env: Record<string, string | undefined>): EmulatorOptions {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${String(issue?.path[0])}: ${issue?.message ?? "is invalid"}`);
  }
  const settings = parsed.data;
  const apiKeys = settings.EMULATOR_API_KEYS.split(",")
    .map((key) => key.trim())
    .filter(Boolean);
  if (apiKeys.length === 0) throw new Error("EMULATOR_API_KEYS: needs at least one key");
  return {
    db: settings.EMULATOR_DB,
    apiKeys,
    processRate: settings.EMULATOR_PROCESS_RATE,
    control: settings.EMULATOR_CONTROL === "1",
    seed: settings.EMULATOR_SEED,
    rateLimitPerMinute: settings.EMULATOR_RATE_LIMIT,
    faults: faultsFromEnv(env),
    marketSeed: settings.EMULATOR_MARKET_SEED,
  };
}
