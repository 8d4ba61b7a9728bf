import "server-only";
import { startCustomerSync } from "@/lib/server/customer-index/customer-sync";
import { leadDigestJob } from "@/lib/server/notifications/lead-digest";
import { recapture } from "@/lib/server/recapture";
import { recoverOverdueSends } from "@/lib/server/uploads/sent-parts";
import { trackUnfinishedUploads } from "@/lib/server/uploads/upload-tracker";
import { startLeasedJob, type LeasedJob, type RunningJob } from "./leased-job";

/**
 * Follows the uploads still processing upstream, so the register reaches
 * "complete" with no page open, and settles parts whose send was never
 * answered. Its lease outlives a slow round (20 reads per region, each within
 * the client's timeout) several times over; a dead instance's job is taken
 * over within leaseMs + everyMs (40 s).
 */
export const uploadTracker: LeasedJob = {
  name: "upload-tracker",
  everyMs: 10_000,
  leaseMs: 30_000,
  async run() {
    await recoverOverdueSends();
    await trackUnfinishedUploads(recapture());
  },
};

const holder = globalThis as typeof globalThis & { backgroundJobs?: RunningJob[] };

/** Starts every background job once per process (each runs only while this instance holds its lease). */
export function startBackgroundJobs(): void {
  holder.backgroundJobs ??= [
    startLeasedJob(uploadTracker),
    startCustomerSync(),
    startLeasedJob(leadDigestJob()),
  ];
}
