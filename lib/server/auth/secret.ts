import "server-only";
import { env, InvalidEnvironmentError, mode } from "@/lib/server/env";

// Public by design: the emulator holds only demo data, and a fixed secret keeps demo sessions across restarts.
const EMULATOR_SECRET = "recapture-dashboard-emulator-mode-session-secret";

/** The secret that seals session cookies. Live mode has no fallback: see checkSessionConfiguration(). */
export function sessionSecret(): string {
  const secret = env().SESSION_SECRET;
  if (secret) return secret;
  if (mode() === "emulator") return EMULATOR_SECRET;
  throw missingSecret();
}

/** Called at start-up so a live deployment without a secret refuses to start rather than fail at the first sign-in. */
export function checkSessionConfiguration(): void {
  if (mode() === "live" && !env().SESSION_SECRET) throw missingSecret();
}

function missingSecret(): InvalidEnvironmentError {
  return new InvalidEnvironmentError([
    "SESSION_SECRET: required when RECAPTURE_API_KEY is set (live mode); use at least 32 random characters, e.g. `openssl rand -base64 32`",
  ]);
}
