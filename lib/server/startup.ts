import "server-only";
import { checkSessionConfiguration } from "@/lib/server/auth/secret";
import { env, InvalidEnvironmentError, mode } from "@/lib/server/env";

/** Refuse to start on a bad configuration, naming the variable, rather than fail later on a request. */
export function checkConfigurationOrExit(): void {
  try {
    env();
    checkSessionConfiguration();
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) {
      console.error(`\nRecapture Dashboard cannot start. ${error.message}\nSee .env.example for the accepted values.\n`);
      process.exit(1);
    }
    throw error;
  }
  // Say which upstream is in use, never the key.
  console.log(
    mode() === "live"
      ? `Recapture Dashboard: live Recapture API at ${env().RECAPTURE_API_URL}`
      : "Recapture Dashboard: embedded emulator (no RECAPTURE_API_KEY set)",
  );
}
