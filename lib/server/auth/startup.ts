import "server-only";
import { db } from "@/lib/server/db";
import { countUsers } from "@/lib/server/db/users";
import { mode } from "@/lib/server/env";
import { seedDemoAccounts } from "./accounts";

/** Opens (and migrates) the local database at start-up, so a bad DATABASE_URL stops the server before it takes requests. */
export async function prepareAccounts(): Promise<void> {
  try {
    db();
  } catch (error) {
    console.error(
      `\nRecapture Dashboard cannot start. ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
  await seedDemoAccounts();
  if (mode() === "live" && countUsers() === 0) {
    console.log(
      "No accounts yet. Create the first administrator with: npm run users -- add --email you@dealership.com.au --role admin",
    );
  }
}
