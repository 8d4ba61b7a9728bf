import "server-only";
import { z } from "zod";
import type { EmulatorOptions } from "@/lib/emulator";
import { faultSettingsSchema, type FaultSettings } from "@/lib/emulator/faults";
import { REGIONS } from "@/lib/recapture/regions";

/**
 * Every setting the server reads, validated once. A bad value stops start-up
 * with a message naming the variable (see instrumentation.ts), so a typo in a
 * deployment fails loudly instead of talking to the wrong place.
 */
const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

const positiveInt = (fallback: number) =>
  z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().default(fallback));

/** An EMULATOR_FAULT_* variable: a number within the range of that fault's setting. */
const fault = (setting: z.ZodType<number, number>) =>
  z.preprocess(emptyAsUndefined, z.coerce.number().pipe(setting).optional());
const faultSetting = faultSettingsSchema.shape;

const PROXY_COUNT = "must be the number of proxies in front of the dashboard, 0 when there are none";

const MISSING_MAIL_FROM =
  'required when SMTP_URL is set: the address mail comes from, e.g. "Recapture <recapture@dealership.com.au>"';
const MISSING_DASHBOARD_URL =
  "required when SMTP_URL is set: the address people open the dashboard at, for the links in emails (https://…)";

/** "Name <address>" or a bare address: what a From header holds. */
const MAIL_FROM_FORM = /^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/;

const MISSING_SECRET =
  "required when RECAPTURE_API_KEY is set (live mode); use at least 32 random characters, e.g. `openssl rand -base64 32`";

export const envSchema = z
  .object({
    // Set by Next.js: "development" under `next dev`, whose pages need a looser Content-Security-Policy.
    NODE_ENV: z.string().optional(),
    // The Recapture API. Without a key the app runs on the embedded emulator.
    RECAPTURE_API_URL: z.preprocess(
      emptyAsUndefined,
      z.url({ protocol: /^https?$/ }).default("https://api.autograb.com.au"),
    ),
    RECAPTURE_API_KEY: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
    RECAPTURE_REGION: z.preprocess(
      emptyAsUndefined,
      z.enum(REGIONS, { error: `must be one of ${REGIONS.join(", ")}` }).default("au"),
    ),
    RECAPTURE_TIMEOUT_MS: positiveInt(15_000),
    RECAPTURE_MAX_UPLOAD_CUSTOMERS: positiveInt(50_000),
    // The dealership's API allowance is shared: each person's calls through the proxy are limited
    // (a steady rate and a burst), identical reads within this many ms share one upstream call
    // (0 = only while in flight), and each server takes a few uploads bigger than a form at a time.
    USER_RATE_LIMIT_PER_SECOND: positiveInt(10),
    USER_RATE_LIMIT_BURST: positiveInt(30),
    RECAPTURE_READ_REUSE_MS: z.preprocess(
      emptyAsUndefined,
      z.coerce.number().int().min(0).max(10_000).default(1000),
    ),
    LARGE_UPLOADS_AT_ONCE: positiveInt(2),
    // The customer index is read again from the API this often, and its sync never makes more than
    // this many requests a second (fewer when the API's Rate-Limit-* headers say the allowance runs low).
    SYNC_INTERVAL_MINUTES: positiveInt(15).pipe(z.number().max(7 * 24 * 60)),
    SYNC_MAX_REQUESTS_PER_SECOND: positiveInt(5).pipe(z.number().max(1000)),
    // The dashboard's own data (accounts, sessions, the register of uploads, the audit log…):
    // file:<path> is SQLite, postgres://… PostgreSQL (lib/server/db/url.ts), with at most
    // DATABASE_POOL_MAX connections per instance.
    DATABASE_URL: z.preprocess(emptyAsUndefined, z.string().min(1).default("file:./data/dashboard.db")),
    DATABASE_POOL_MAX: positiveInt(10).pipe(z.number().max(1000)),
    PORT: positiveInt(3000).pipe(z.number().max(65_535)),
    // Sessions: the cookie is sealed with this secret; in emulator mode a fixed development secret is used when unset.
    SESSION_SECRET: z.preprocess(
      emptyAsUndefined,
      z.string().min(32, "must be at least 32 characters").optional(),
    ),
    SESSION_IDLE_HOURS: positiveInt(12),
    // How many reverse proxies stand in front and append to X-Forwarded-For; with none, only the connection's address is believed.
    TRUST_PROXY: z.preprocess(
      emptyAsUndefined,
      z.coerce.number({ error: PROXY_COUNT }).int(PROXY_COUNT).min(0, PROXY_COUNT).default(0),
    ),
    // Audit log entries older than this many days are deleted.
    AUDIT_RETENTION_DAYS: positiveInt(400),
    // People see dates and times in the dealership's time zone.
    DEALERSHIP_TIME_ZONE: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .default("Australia/Melbourne")
        .refine((zone) => {
          try {
            new Intl.DateTimeFormat("en-AU", { timeZone: zone });
            return true;
          } catch {
            return false;
          }
        }, "must be an IANA time zone such as Australia/Sydney"),
    ),
    // Email (lib/server/notifications): sent through this SMTP server (smtp://user:password@host:587, or
    // smtps:// for TLS from the start) from MAIL_FROM; without it every message waits in the outbox
    // (/settings/outbox). Links in emails start with DASHBOARD_URL. The managers' digest goes out once a
    // day at DIGEST_TIME (24-hour HH:MM) in DEALERSHIP_TIME_ZONE.
    SMTP_URL: z.preprocess(
      emptyAsUndefined,
      z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
    ),
    MAIL_FROM: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(
          MAIL_FROM_FORM,
          'must be an address, or a name and an address: "Recapture <recapture@example.com>"',
        )
        .optional(),
    ),
    DASHBOARD_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
    DIGEST_TIME: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, "must be a time of day as HH:MM, e.g. 08:00")
        .default("08:00"),
    ),
    // The embedded emulator (only used without RECAPTURE_API_KEY).
    EMULATOR_DB: z.preprocess(emptyAsUndefined, z.string().min(1).default("./data/emulator.db")),
    EMULATOR_PROCESS_RATE: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).default(500)),
    EMULATOR_CONTROL: z.preprocess(emptyAsUndefined, z.enum(["0", "1"]).default("0")),
    // The dashboard calls the emulator with the first key; further keys are further dealerships.
    EMULATOR_API_KEYS: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .default("demo-key")
        .transform((keys) =>
          keys
            .split(",")
            .map((key) => key.trim())
            .filter(Boolean),
        )
        .pipe(z.array(z.string()).min(1, "needs at least one key")),
    ),
    EMULATOR_RATE_LIMIT: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().optional()),
    EMULATOR_MARKET_SEED: z.preprocess(emptyAsUndefined, z.string().optional()),
    // Faults active from the start, as lib/emulator/README.md describes.
    EMULATOR_FAULT_LATENCY_MS: fault(faultSetting.latencyMs),
    EMULATOR_FAULT_ERROR_RATE: fault(faultSetting.errorRate),
    EMULATOR_FAULT_RATE_LIMIT_RATE: fault(faultSetting.rateLimitRate),
    EMULATOR_FAULT_RATE_LIMIT_RESET_SECONDS: fault(faultSetting.rateLimitResetSeconds),
    EMULATOR_FAULT_HANG_RATE: fault(faultSetting.hangRate),
    EMULATOR_FAULT_HANG_MS: fault(faultSetting.hangMs),
    EMULATOR_FAULT_HTML_RATE: fault(faultSetting.htmlRate),
    EMULATOR_FAULT_DROP_RESPONSE_RATE: fault(faultSetting.dropResponseRate),
    EMULATOR_FAULT_TIMES: fault(faultSetting.times.unwrap()),
  })
  // A live deployment without a secret refuses to start rather than fail at the first sign-in.
  .refine((settings) => !settings.RECAPTURE_API_KEY || settings.SESSION_SECRET, {
    path: ["SESSION_SECRET"],
    message: MISSING_SECRET,
  })
  .refine((settings) => !settings.SMTP_URL || settings.MAIL_FROM, {
    path: ["MAIL_FROM"],
    message: MISSING_MAIL_FROM,
  })
  .refine((settings) => !settings.SMTP_URL || settings.DASHBOARD_URL, {
    path: ["DASHBOARD_URL"],
    message: MISSING_DASHBOARD_URL,
  });

export type Env = z.infer<typeof envSchema>;

export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "InvalidEnvironmentError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new InvalidEnvironmentError(
      result.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        // Never echo a secret back into a log (SMTP_URL holds the mail server's password).
        const shown = /KEY|SECRET|SMTP_URL/.test(name) ? "" : ` (got "${source[name] ?? ""}")`;
        return `${name}: ${issue.message}${shown}`;
      }),
    );
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated environment of this process, read once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The next env() reads the variables again: for tests that change one between cases (a database per engine). */
export function forgetSettings(): void {
  cached = undefined;
}

export type Mode = "emulator" | "live";

export function mode(): Mode {
  return env().RECAPTURE_API_KEY ? "live" : "emulator";
}

/** The address the dashboard is opened at, for links in emails: DASHBOARD_URL, else this server on localhost. */
export function dashboardUrl(settings: Env = env()): string {
  return (settings.DASHBOARD_URL ?? `http://localhost:${settings.PORT}`).replace(/\/+$/, "");
}

/** The embedded emulator's options, from the same settings; it always starts with the demo dealership's data. */
export function embeddedEmulatorOptions(settings: Env): EmulatorOptions {
  const faults: Partial<Record<keyof FaultSettings, number>> = {
    latencyMs: settings.EMULATOR_FAULT_LATENCY_MS,
    errorRate: settings.EMULATOR_FAULT_ERROR_RATE,
    rateLimitRate: settings.EMULATOR_FAULT_RATE_LIMIT_RATE,
    rateLimitResetSeconds: settings.EMULATOR_FAULT_RATE_LIMIT_RESET_SECONDS,
    hangRate: settings.EMULATOR_FAULT_HANG_RATE,
    hangMs: settings.EMULATOR_FAULT_HANG_MS,
    htmlRate: settings.EMULATOR_FAULT_HTML_RATE,
    dropResponseRate: settings.EMULATOR_FAULT_DROP_RESPONSE_RATE,
    times: settings.EMULATOR_FAULT_TIMES,
  };
  return {
    db: settings.EMULATOR_DB,
    apiKeys: settings.EMULATOR_API_KEYS,
    processRate: settings.EMULATOR_PROCESS_RATE,
    control: settings.EMULATOR_CONTROL === "1",
    seed: "demo",
    rateLimitPerMinute: settings.EMULATOR_RATE_LIMIT,
    // Only the faults that are set, so the others keep the emulator's defaults.
    faults: Object.fromEntries(
      Object.entries(faults).filter(([, value]) => value !== undefined),
    ) as Partial<FaultSettings>,
    marketSeed: settings.EMULATOR_MARKET_SEED,
  };
}
