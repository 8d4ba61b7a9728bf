import { afterEach, beforeEach, expect, it } from "vitest";
import { createEmulator, type Emulator } from "@/lib/emulator";
import { readCustomerSync, countIndexedCustomers } from "@/lib/server/db/customer-sync-state";
import { findLease } from "@/lib/server/db/leases";
import { createRecaptureClient, type RecaptureClient } from "@/lib/server/recapture-client";
import { describeEachEngine } from "@/lib/testing/database-engines";
import { CUSTOMER_SYNC_JOB, requestSync, startCustomerSync, type RunningCustomerSync } from "./customer-sync";

/** The sync as the server runs it: under its lease, at start-up, when asked, handed over on stop. */

let emulator: Emulator;
let client: RecaptureClient;
const running: RunningCustomerSync[] = [];

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function start(holder: string): RunningCustomerSync {
  const sync = startCustomerSync({
    client,
    holder,
    region: "au",
    intervalMs: 60 * 60_000,
    maxRequestsPerSecond: 1_000,
    checkEveryMs: 25,
  });
  running.push(sync);
  return sync;
}

/** The last complete pass, once it has finished (tagging uploads included). */
async function completePass(): Promise<number> {
  const row = await readCustomerSync("au");
  return row?.status === "idle" ? (row.complete_pass ?? 0) : 0;
}

describeEachEngine("the customer sync job", () => {
  beforeEach(async () => {
    emulator = createEmulator({
      db: ":memory:",
      apiKeys: ["key"],
      processRate: 0,
      control: true,
      seed: "demo",
    });
    client = createRecaptureClient({
      baseUrl: "http://emulator.test",
      apiKey: "key",
      region: "au",
      fetch: (request) => emulator.fetch(request),
    });
  });
  afterEach(async () => {
    for (const sync of running.splice(0)) await sync.stop();
    emulator.close();
  });

  it("runs a pass at start-up and another soon after one is asked for, then gives its lease up on stop", async () => {
    const sync = start("instance-a");
    await until(async () => (await completePass()) === 1, "the first pass is complete");
    expect(await countIndexedCustomers("au")).toBe((await client.listCustomers({ limit: 1 })).total);

    await requestSync({ region: "au" });
    await until(async () => (await completePass()) === 2, "the asked-for pass is complete");
    expect(await readCustomerSync("au")).toMatchObject({ status: "idle", pass: 2 });

    await sync.stop();
    expect(await findLease(CUSTOMER_SYNC_JOB)).toBeUndefined();
  });

  it("runs on one instance at a time, and another takes over when it stops", async () => {
    const first = start("instance-a");
    await until(async () => (await completePass()) === 1, "the first instance's pass is complete");
    start("instance-b");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await readCustomerSync("au"))?.pass).toBe(1);
    expect((await findLease(CUSTOMER_SYNC_JOB))?.holder).toBe("instance-a");

    await first.stop();
    // The new holder is starting up, so it runs a pass of its own.
    await until(async () => (await completePass()) === 2, "the second instance's pass is complete");
    expect((await findLease(CUSTOMER_SYNC_JOB))?.holder).toBe("instance-b");
  });
});
