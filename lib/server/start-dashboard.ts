import "server-only";
import { seedDemoAccounts } from "@/lib/server/auth/accounts";
import { dashboardDatabase } from "@/lib/server/db";
import { countUsers } from "@/lib/server/db/users";
import { env, InvalidEnvironmentError, mode } from "@/lib/server/env";
import { watchClientAddresses } from "@/lib/server/http/client-address";
import { startBackgroundJobs } from "@/lib/server/jobs/background-jobs";
import { mailDestination } from "@/lib/server/notifications/mailer";
import { embeddedEmulator } from "@/lib/server/recapture";
import { recordEmulatorDemoUploads } from "@/lib/server/uploads/demo-uploads";
import { recoverInterruptedSends } from "@/lib/server/uploads/sent-parts";

/**
 * Everything the server does once before it takes requests (instrumentation.ts),
 * in order. Any step that fails stops the server with a message saying what is
 * wrong, rather than letting it fail later on a request.
 */
export async function startDashboard(): Promise<void> {
  try {
    await runStartUpSteps();
  } catch (error) {
    console.error(`\nRecapture Dashboard cannot start. ${whatWentWrong(error)}\n`);
    process.exit(1);
  }
}

async function runStartUpSteps(): Promise<void> {
  // Settings: a typo in a deployment names its variable here.
  env();
  // The database, opened and migrated, so a bad DATABASE_URL or an unreachable server is caught before any request.
  await dashboardDatabase();
  await seedDemoAccounts();
  if (mode() === "live" && (await countUsers()) === 0) {
    console.log(
      "No accounts yet. Create the first administrator with: npm run users -- add --email you@dealership.com.au --role admin",
    );
  }
  // Parts a stopped process left "sending" may or may not be upstream: they are checked before any resend.
  const interrupted = await recoverInterruptedSends();
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
  console.log(`Recapture Dashboard: email goes to ${mailDestination()}`);
  watchClientAddresses();
  // Background work (one instance at a time when several share a database): after the emulator, which it reads.
  startBackgroundJobs();
}

/** The failure in words for the operator: no stack trace, and where bad settings are described. */
function whatWentWrong(error: unknown): string {
  if (error instanceof InvalidEnvironmentError)
    return `${error.message}\nSee .env.example for the accepted values.`;
  return error instanceof Error ? error.message : String(error);
}
