import "server-only";
import type { RecaptureClient } from "@/lib/server/recapture-client";
import {
  selectRegionsWithUnfinishedUploads,
  selectUnfinishedUploads,
} from "@/lib/server/db/uploads-register";
import { recordProgress } from "@/lib/server/uploads/register";

/** Uploads read per region on each round: the API is asked politely, and the rest wait for the next round. */
export const UPLOADS_READ_PER_ROUND = 20;

/**
 * One round of the upload tracker (a background job): asks the API how far
 * each unfinished upload in the register has got and records it, so the
 * register moves on while nobody has its page open. Those read longest ago go
 * first, so every upload gets its turn across rounds. An upload that can't be
 * read is logged and left for the next round; the others carry on.
 */
export async function trackUnfinishedUploads(
  client: RecaptureClient,
  now = new Date(),
): Promise<{ read: number; failed: number }> {
  const round = { read: 0, failed: 0 };
  for (const region of await selectRegionsWithUnfinishedUploads()) {
    for (const { id } of await selectUnfinishedUploads(region, UPLOADS_READ_PER_ROUND, "stalest")) {
      try {
        const { upload } = await client.getUpload(id, { region });
        // One it finds finished asks the customer index for a pass (recordProgress).
        await recordProgress(upload, now);
        round.read += 1;
      } catch (error) {
        round.failed += 1;
        console.error(`Upload tracker: could not read upload ${id} (${region}):`, error);
      }
    }
  }
  return round;
}
