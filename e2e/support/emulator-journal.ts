import { expect, type APIRequestContext } from "@playwright/test";

/**
 * The embedded emulator as a test inspects and upsets it (EMULATOR_CONTROL=1):
 * which requests reached the Recapture API, and the faults it answers with.
 */

export interface JournalEntry {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
}

/**
 * The customer sync's own reads, made in the background whenever a pass is due
 * (lib/server/customer-index/sync-pass.ts): the count (limit 1 from offset 0) and pages of 500, each with
 * an explicit offset. Without them, the journal holds only what the test's own requests caused.
 */
const isSyncRead = ({ method, path, query }: JournalEntry) =>
  method === "GET" &&
  path === "/v2/recapture/customers" &&
  (query.limit === "500" || (query.limit === "1" && query.offset === "0"));

/** What reached the emulator since the journal was last cleared, oldest first, besides the sync's reads. */
export async function journal(api: APIRequestContext): Promise<JournalEntry[]> {
  const response = await api.get("/api/emulator/journal?limit=1000");
  expect(response.status()).toBe(200);
  return ((await response.json()).requests as JournalEntry[]).filter((entry) => !isSyncRead(entry));
}

export async function setFaults(api: APIRequestContext, faults: Record<string, unknown>) {
  expect((await api.put("/api/emulator/faults", { data: faults })).status()).toBe(200);
}
