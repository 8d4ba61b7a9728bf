import { afterEach, beforeEach, expect, it } from "vitest";
import { createEmulator, type Emulator, type FaultSettings } from "@/lib/emulator";
import { isUnreadableCustomer } from "@/lib/recapture/schemas";
import { searchIndexedCustomers } from "@/lib/server/db/customer-index-search";
import {
  countIndexedCustomers,
  noteUploadToTag,
  readCustomerSync,
} from "@/lib/server/db/customer-sync-state";
import { createRecaptureClient, type RecaptureClient } from "@/lib/server/recapture-client";
import { describeEachEngine } from "@/lib/testing/database-engines";
import { RequestPacer, type Clock } from "./request-pacer";
import { runSyncPass, SyncStoppedError, type PassContext } from "./sync-pass";

/**
 * Sync passes against the emulator in process, on a clock the test owns (the
 * emulator's rate-limit windows follow it too), with hooks that change the
 * customer list while a pass reads it.
 */

const ORIGIN = "http://emulator.test";

interface Setup {
  emulator: Emulator;
  client: RecaptureClient;
  /** The API itself, outside the sync's view: for changes made "by someone else" mid-pass. */
  api: RecaptureClient;
  clock: Clock & { at: number; slept: number[] };
  /** Offsets the sync asked for, with the time each request started. */
  reads: { offset: number; at: number; status?: number }[];
  /** Runs before the sync's nth list request (0-based) reaches the emulator. */
  beforeRead: Map<number, () => Promise<void>>;
  control(method: string, path: string, body?: unknown): Promise<Record<string, unknown>>;
  context(overrides?: Partial<PassContext>): PassContext;
}

let setup: Setup;

function start(options: { rateLimitPerMinute?: number } = {}): Setup {
  const clock = {
    at: Date.parse("2024-06-15T00:00:00.000Z"),
    slept: [] as number[],
    now: () => clock.at,
    async sleep(ms: number) {
      clock.slept.push(ms);
      clock.at += ms;
    },
  };
  const emulator = createEmulator({
    db: ":memory:",
    apiKeys: ["key"],
    processRate: 0,
    control: true,
    now: () => clock.at,
    rateLimitPerMinute: options.rateLimitPerMinute ?? 1_000_000,
  });
  const reads: Setup["reads"] = [];
  const beforeRead = new Map<number, () => Promise<void>>();
  const common = {
    baseUrl: ORIGIN,
    apiKey: "key",
    region: "au" as const,
    timeoutMs: 5_000,
    now: () => clock.at,
  };
  const api = createRecaptureClient({ ...common, fetch: (request) => emulator.fetch(request) });
  const client = createRecaptureClient({
    ...common,
    fetch: async (request) => {
      const url = new URL(request.url);
      const read = {
        offset: Number(url.searchParams.get("offset") ?? 0),
        at: clock.at,
        status: undefined as number | undefined,
      };
      await beforeRead.get(reads.length)?.();
      reads.push(read);
      const response = await emulator.fetch(request);
      read.status = response.status;
      return response;
    },
  });
  async function control(method: string, path: string, body?: unknown) {
    const response = await emulator.fetch(
      new Request(`${ORIGIN}/__emulator/${path}`, {
        method,
        headers: { ApiKey: "key", ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    expect(response.ok).toBe(true);
    return (await response.json()) as Record<string, unknown>;
  }
  return {
    emulator,
    client,
    api,
    clock,
    reads,
    beforeRead,
    control,
    context: (overrides = {}) => ({
      client,
      pacer: new RequestPacer(5, clock),
      clock,
      checkContinue: async () => {},
      random: () => 0.5,
      ...overrides,
    }),
  };
}

/** Every customer id the API lists now. */
async function apiIds(api: RecaptureClient, query: { upload_id?: string } = {}): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 500) {
    const { customers } = await api.listCustomers({ ...query, offset, limit: 500 });
    ids.push(...customers.map((customer) => customer.id!));
    if (customers.length < 500) return ids;
  }
}

/** Every customer id in the index. */
async function indexIds(query: { uploadId?: string } = {}): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page += 1) {
    const { customers } = await searchIndexedCustomers({
      region: "au",
      sort: "last_updated",
      direction: "asc",
      page,
      pageSize: 500,
      ...query,
    });
    ids.push(...customers.map((customer) => customer.id));
    if (customers.length < 500) return ids;
  }
}

const sorted = (ids: string[]) => [...ids].sort();

async function loadDemo(): Promise<string[]> {
  return (await setup.control("POST", "demo?region=au")).upload_ids as string[];
}

const setFaults = (faults: Partial<FaultSettings>) => setup.control("PUT", "faults", faults);

describeEachEngine("a customer sync pass", () => {
  beforeEach(() => {
    setup = start();
  });
  afterEach(() => setup.emulator.close());

  it("indexes every customer with its sightings, and records a complete pass", async () => {
    await loadDemo();
    expect(await runSyncPass(setup.context(), "au", 60_000)).toBe("complete");
    const ids = await apiIds(setup.api);
    expect(sorted(await indexIds())).toEqual(sorted(ids));
    const withSightings = await searchIndexedCustomers({
      region: "au",
      hasSightings: true,
      sort: "newest_sighting",
      direction: "desc",
      page: 1,
      pageSize: 25,
    });
    expect(withSightings.total).toBeGreaterThan(100);
    const sample = withSightings.customers[0]!;
    const { customer } = await setup.api.getCustomer(sample.id);
    expect(sample).toEqual(customer);
    expect(await readCustomerSync("au")).toMatchObject({
      status: "idle",
      pass: 1,
      complete_pass: 1,
      customers_done: ids.length,
      customers_total: ids.length,
      last_error: null,
    });
  });

  it("loses no customer when others are deleted before its position or created mid-pass", async () => {
    await loadDemo();
    const before = await apiIds(setup.api);
    const created: string[] = [];
    // After the first page: ten already read are deleted (the list shifts left) and two are created.
    const deletedAfterRead = before.slice(100, 110);
    setup.beforeRead.set(1, async () => {
      for (const id of deletedAfterRead) await setup.api.deleteCustomer(id);
      for (const rego of ["MID001", "MID002"])
        created.push(
          (await setup.api.createCustomer({ enable_rego_lookups: false, customer: { rego, state: "VIC" } }))
            .customer.id,
        );
    });
    // Later still: the customer the next page would start on is deleted, and one not yet read.
    setup.beforeRead.set(3, async () => {
      await setup.api.deleteCustomer(before[997]!);
      await setup.api.deleteCustomer(before[1_200]!);
    });
    expect(await runSyncPass(setup.context(), "au", 60_000)).toBe("complete");
    const now = await apiIds(setup.api);
    expect(now).toEqual(expect.arrayContaining(created));
    // Every customer there is indexed once; those deleted after this pass read them go with the next.
    expect(sorted(await indexIds())).toEqual(sorted([...now, ...deletedAfterRead]));
    // It stepped back to re-read rather than skip the ten customers that moved left.
    expect(setup.reads.map((read) => read.offset).slice(0, 4)).toEqual([0, 499, 0, 499]);
    await runSyncPass(setup.context(), "au", 60_000);
    expect(sorted(await indexIds())).toEqual(sorted(now));
  });

  it("removes customers deleted upstream since the last pass", async () => {
    await loadDemo();
    await runSyncPass(setup.context(), "au", 60_000);
    const [first, second] = await apiIds(setup.api);
    await setup.api.deleteCustomer(first!);
    await setup.api.deleteCustomer(second!);
    await runSyncPass(setup.context(), "au", 60_000);
    expect(sorted(await indexIds())).toEqual(sorted(await apiIds(setup.api)));
  });

  it("leaves the last complete index in use when a pass is cut short, and the next starts over cleanly", async () => {
    await loadDemo();
    await runSyncPass(setup.context(), "au", 60_000);
    const complete = await indexIds();
    const deleted = complete.slice(600, 603);
    for (const id of deleted) await setup.api.deleteCustomer(id);
    let requests = 0;
    const stopping = setup.context({
      checkContinue: async () => {
        if (++requests > 2) throw new SyncStoppedError("The dashboard is shutting down.");
      },
    });
    expect(await runSyncPass(stopping, "au", 60_000)).toBe("stopped");
    expect(sorted(await indexIds())).toEqual(sorted(complete));
    expect(await readCustomerSync("au")).toMatchObject({ status: "interrupted", pass: 2, complete_pass: 1 });

    expect(await runSyncPass(setup.context(), "au", 60_000)).toBe("complete");
    expect(sorted(await indexIds())).toEqual(sorted(await apiIds(setup.api)));
    expect(await readCustomerSync("au")).toMatchObject({ status: "idle", pass: 3, complete_pass: 3 });
  });

  it("waits out 429s as the API asks, and completes", async () => {
    await loadDemo();
    await setFaults({ rateLimitRate: 1, rateLimitResetSeconds: 30, times: 2 });
    expect(await runSyncPass(setup.context(), "au", 60_000)).toBe("complete");
    expect(setup.reads.filter((read) => read.status === 429)).toHaveLength(2);
    expect(setup.clock.slept.some((ms) => ms >= 30_000)).toBe(true);
    expect(sorted(await indexIds())).toEqual(sorted(await apiIds(setup.api)));
  });

  it("fails a pass the API keeps refusing, says why and when it tries again, and keeps the last index", async () => {
    await loadDemo();
    await runSyncPass(setup.context(), "au", 60_000);
    const indexed = await countIndexedCustomers("au");
    await setFaults({ errorRate: 1 });
    expect(await runSyncPass(setup.context(), "au", 120_000)).toBe("failed");
    const state = await readCustomerSync("au");
    expect(state).toMatchObject({
      status: "failed",
      complete_pass: 1,
      failures: 1,
      last_error: "The Recapture API had a problem. Please try again.",
    });
    expect(Date.parse(state!.retry_at!) - Date.parse(state!.failed_at!)).toBe(120_000);
    expect(await countIndexedCustomers("au")).toBe(indexed);
  });

  it("never starts more than five requests a second", async () => {
    await loadDemo();
    await runSyncPass(setup.context(), "au", 60_000);
    const gaps = setup.reads.slice(1).map((read, index) => read.at - setup.reads[index]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(200);
  });

  it("tags the customers of uploads noted for it, new to the index or already in it", async () => {
    const [first, second] = await loadDemo();
    await noteUploadToTag("au", first!, new Date(setup.clock.at));
    await runSyncPass(setup.context(), "au", 60_000);
    const inFirst = await apiIds(setup.api, { upload_id: first });
    expect(inFirst.length).toBeGreaterThan(100);
    expect(sorted(await indexIds({ uploadId: first }))).toEqual(sorted(inFirst));
    expect(await readCustomerSync("au")).toMatchObject({ customers_done: (await apiIds(setup.api)).length });

    await noteUploadToTag("au", second!, new Date(setup.clock.at));
    await runSyncPass(setup.context(), "au", 60_000);
    expect(sorted(await indexIds({ uploadId: second }))).toEqual(
      sorted(await apiIds(setup.api, { upload_id: second })),
    );
    expect(sorted(await indexIds({ uploadId: first }))).toEqual(sorted(inFirst));
  });

  it("keeps a customer the API can't read as it last was", async () => {
    await loadDemo();
    await runSyncPass(setup.context(), "au", 60_000);
    const [id] = await apiIds(setup.api);
    await setup.control("POST", "unreadable-customer", { customer_id: id });
    const listed = await setup.api.listCustomers({ limit: 1 });
    expect(isUnreadableCustomer(listed.customers[0]!)).toBe(true);
    await runSyncPass(setup.context(), "au", 60_000);
    expect(await indexIds()).toContain(id);
  });
});

describeEachEngine("a customer sync pass on a small rate limit", () => {
  beforeEach(() => {
    // Four requests a minute for the sync once a fifth of the window is left for people.
    setup = start({ rateLimitPerMinute: 5 });
  });
  afterEach(() => setup.emulator.close());

  it("slows down before the API refuses it", async () => {
    await loadDemo();
    expect(await runSyncPass(setup.context(), "au", 60_000)).toBe("complete");
    expect(setup.reads.filter((read) => read.status === 429)).toEqual([]);
    expect(setup.clock.slept.some((ms) => ms > 1_000)).toBe(true);
  });
});
