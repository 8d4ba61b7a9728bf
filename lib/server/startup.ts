import "server-only";
import { checkSessionConfiguration } from "@/lib/server/auth/secret";
import { env, InvalidEnvironmentError, mode } from "@/lib/server/env";
import { embeddedEmulator } from "@/lib/server/recapture";
import { recordEmulatorDemoUploads } from "@/lib/server/uploads/demo-uploads";
import { recoverInterruptedSends } from "@/lib/server/uploads/sent-parts";

/** Refuse to start on a bad configuration, naming the variable, rather than fail later on a request. */
export function checkConfigurationOrExit(): void {
  try {
    env();
    checkSessionConfiguration();
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) {
      console.error(
        `\nRecapture Dashboard cannot start. ${error.message}\nSee .env.example for the accepted values.\n`,
      );
      process.exit(1);
    }
    throw error;
  }
  // Parts a stopped process left "sending" may or may not be upstream: they are checked before any resend.
  const interrupted = recoverInterruptedSends();
  if (interrupted > 0) {
    console.log(
      `Recapture Dashboard: ${interrupted} upload part(s) interrupted by a restart are now "not confirmed"`,
    );
  }
  // Say which upstream is in use, never the key.
  if (mode() === "live") {
    console.log(`Recapture Dashboard: live Recapture API at ${env().RECAPTURE_API_URL}`);
  } else {
    // Start the emulator now, so uploads queued before a restart carry on processing straight away.
    embeddedEmulator();
    void recordEmulatorDemoUploads();
    console.log("Recapture Dashboard: embedded emulator (no RECAPTURE_API_KEY set)");
  }
}
