import "server-only";
import type { IndexStatus } from "@/lib/customer-index/index-status";
import type { Region } from "@/lib/recapture/regions";
import {
  countIndexedCustomers,
  readCustomerSync,
  type CustomerSyncRow,
} from "@/lib/server/db/customer-sync-state";

/** A pass that hasn't shown a sign of life for this long died with its instance; the next holder starts over. */
const STALE_PASS_MS = 3 * 60_000;

/** The index answers for every customer once one pass has read the whole list; until then it holds only part. */
const hasCompletePass = (row: CustomerSyncRow | undefined) => row?.complete_pass != null;

export async function isCustomerIndexReady(region: Region): Promise<boolean> {
  return hasCompletePass(await readCustomerSync(region));
}

export async function customerIndexStatus(region: Region, now = new Date()): Promise<IndexStatus> {
  const [row, customers] = await Promise.all([readCustomerSync(region), countIndexedCustomers(region)]);
  const running =
    row?.status === "running" &&
    now.getTime() - Date.parse(row.heartbeat_at ?? row.started_at ?? "") < STALE_PASS_MS;
  const requestedAt = row?.requested_at ? Date.parse(row.requested_at) : undefined;
  return {
    region,
    customers,
    ready: hasCompletePass(row),
    upToDateAt: row?.completed_at ?? null,
    progress: running ? { done: row.customers_done, total: row.customers_total } : null,
    failure:
      row?.status === "failed" && row.last_error
        ? {
            message: row.last_error,
            at: row.failed_at ?? row.finished_at ?? now.toISOString(),
            retryAt: row.retry_at,
          }
        : null,
    requested:
      !running &&
      requestedAt !== undefined &&
      requestedAt > Date.parse(row?.started_at ?? "1970-01-01T00:00:00Z"),
  };
}
