import type { Region } from "@/lib/recapture/regions";
import { finishSyncPass, recordCompletePass, startSyncPass } from "@/lib/server/db/customer-sync-state";

/**
 * The customer index as after its first complete pass, long ago: from here a
 * sighting never seen is news (first seen now, New), not the dealership's
 * history (lib/leads/lead-history.ts). For tests of what happens to leads later.
 */
export async function afterFirstCompletePass(region: Region = "au"): Promise<void> {
  const at = new Date("2026-01-01T00:00:00.000Z");
  const { pass } = await startSyncPass(region, at);
  await recordCompletePass(region, pass, at);
  await finishSyncPass(region, pass, at);
}
