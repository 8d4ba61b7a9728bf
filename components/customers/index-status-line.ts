import type { IndexStatus } from "@/lib/customer-index/index-status";
import { formatCount, formatMomentSince, formatQuantity } from "@/lib/format";

/** What the customers page says about the customer index, in words, with the progress of a first pass. */
export interface IndexStatusLine {
  tone: "normal" | "busy" | "failed";
  text: string;
  /** Customers read so far and of how many, while the first pass builds the index. */
  progress?: { done: number; total: number };
}

export function indexStatusLine(status: IndexStatus, timeZone: string, now = new Date()): IndexStatusLine {
  const at = (iso: string) => formatMomentSince(iso, timeZone, now);
  const upToDate = status.upToDateAt
    ? `${formatQuantity(status.customers, "customer")}, up to date at ${at(status.upToDateAt)}`
    : undefined;

  if (status.failure) {
    const retry = status.failure.retryAt ? ` Trying again at ${at(status.failure.retryAt)}.` : "";
    const failed = `The last sync failed: ${status.failure.message}${retry}`;
    return { tone: "failed", text: upToDate ? `${upToDate}. ${failed}` : failed };
  }
  if (status.progress && !status.ready) {
    const { done, total } = status.progress;
    return total === null
      ? { tone: "busy", text: "Indexing customers…" }
      : {
          tone: "busy",
          text: `Indexing ${formatCount(Math.min(done, total))} of ${formatCount(total)}`,
          progress: { done: Math.min(done, total), total },
        };
  }
  if (!upToDate) return { tone: "busy", text: "The customer index is about to be built." };
  if (status.progress) return { tone: "normal", text: `${upToDate}; updating now.` };
  if (status.requested) return { tone: "normal", text: `${upToDate}; a sync starts shortly.` };
  return { tone: "normal", text: upToDate };
}
