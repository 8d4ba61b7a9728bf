import "server-only";
import { env } from "@/lib/server/env";

// Public by design: the emulator holds only demo data, and a fixed secret keeps demo sessions across restarts.
const EMULATOR_SECRET = "recapture-dashboard-emulator-mode-session-secret";

/**
 * The secret that seals session cookies. Live mode has no fallback: the settings
 * refuse a RECAPTURE_API_KEY without a SESSION_SECRET (see lib/server/env.ts).
 */
export function sessionSecret(): string {
  return env().SESSION_SECRET ?? EMULATOR_SECRET;
}
