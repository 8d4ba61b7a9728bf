import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createEmulator, type Emulator, type FaultSettings } from "@/lib/emulator";
import { createRecaptureClient, type RecaptureClientOptions } from "@/lib/server/recapture-client";
import * as examples from "@/lib/testing/reference-examples";
import { failure } from "@/lib/testing/recapture-failure";

/** The client against the real emulator, in-process, as the app mounts it. */

const ORIGIN = "http://emulator.local";
let emulator: Emulator;

beforeEach(() => {
  emulator = createEmulator({ db: ":memory:", apiKeys: ["demo-key"], processRate: 0, control: true });
});

afterEach(() => emulator.close());

function client(overrides: Partial<RecaptureClientOptions> = {}) {
  const waits: number[] = [];
  const recapture = createRecaptureClient({
    baseUrl: ORIGIN,
    apiKey: "demo-key",
    region: "au",
    fetch: (request) => emulator.fetch(request),
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...overrides,
  });
  return { recapture, waits };
}

async function control(method: string, path: string, body?: unknown) {
  const response = await emulator.fetch(
    new Request(`${ORIGIN}/__emulator/${path}`, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  expect(response.ok).toBe(true);
  return response.json();
}

const setFaults = (faults: Partial<FaultSettings>) => control("PUT", "faults", faults);

async function journalPaths(): Promise<string[]> {
  const { requests } = (await control("GET", "journal")) as { requests: { method: string; path: string }[] };
  return requests.map((request) => `${request.method} ${request.path}`);
}

describe("client against the emulator", () => {
  it("round-trips every endpoint with the reference's example requests", async () => {
    const { recapture } = client();

    const queued = await recapture.uploadCustomers(examples.uploadRequest);
    expect(queued.upload).toMatchObject({ name: "June 2022 New Customers", total_uploaded_customers: 1 });
    await vi.waitFor(async () => {
      const { upload } = await recapture.getUpload(queued.upload.id);
      expect(upload.total_processed_customers).toBe(1);
    });
    const listed = await recapture.listCustomers({ upload_id: queued.upload.id, limit: 10 });
    expect(listed.total).toBe(1);
    expect(listed.customers[0]).toMatchObject({
      rego: "ZEN407",
      external_id: "CUST-4821",
      sale_date: "2022-06-15T00:00:00.000Z",
      monitor_start_date: "2022-06-01T00:00:00.000Z",
    });
    expect((await recapture.cancelUpload(queued.upload.id)).upload.id).toBe(queued.upload.id);

    const { customer } = await recapture.createCustomer(examples.createCustomerRequest);
    expect(customer).toMatchObject({ rego: "ZEN407", state: "VIC", external_id: "CUST-4821" });
    expect(customer.vin).toMatch(/^[A-HJ-NPR-Z0-9]{17}$/);
    expect((await recapture.getCustomer(customer.id)).customer).toEqual(customer);

    const updated = await recapture.updateCustomer(customer.id, examples.updateCustomerRequest);
    expect(updated.customer).toMatchObject({
      external_id: "CUST-5673",
      sale_date: "2022-06-15T00:00:00.000Z",
    });
    const cleared = await recapture.updateCustomer(customer.id, { external_id: "", sale_date: null });
    expect(cleared.customer).toMatchObject({ external_id: null, sale_date: null });

    expect((await recapture.deleteCustomer(customer.id)).customer.id).toBe(customer.id);
    const gone = await failure(recapture.getCustomer(customer.id));
    expect([gone.status, gone.code, gone.message]).toEqual([404, "not_found", "Invalid Customer ID"]);
  });

  it("passes the emulator's documented messages through", async () => {
    const { recapture } = client();
    const empty = await failure(recapture.uploadCustomers({ ...examples.uploadRequest, customers: [] }));
    expect([empty.status, empty.message]).toEqual([400, "You must upload at least one customer"]);

    const noRegoOrVin = await failure(
      recapture.createCustomer({ enable_rego_lookups: false, customer: { external_id: "X" } }),
    );
    expect(noRegoOrVin.message).toBe("Missing required properties");
  });

  it("turns a refused API key into a 502 that says so, without the key", async () => {
    const { recapture } = client({ apiKey: "not-a-key" });
    const error = await failure(recapture.listCustomers());
    expect([error.status, error.code]).toEqual([502, "unauthorized"]);
    expect(error.message).not.toContain("not-a-key");
  });

  it("never sends a bad id upstream", async () => {
    const { recapture } = client();
    for (const id of ["..", "%2e%2e", "../upload/x", "a".repeat(300)]) {
      expect((await failure(recapture.getCustomer(id))).status).toBe(400);
      expect((await failure(recapture.cancelUpload(id))).status).toBe(400);
    }
    expect(await journalPaths()).toEqual([]);
  });

  it("sends only the allowed headers", async () => {
    const { recapture } = client();
    await recapture.createCustomer(examples.createCustomerRequest);
    const { requests } = (await control("GET", "journal")) as {
      requests: { headers: Record<string, string> }[];
    };
    expect(Object.keys(requests[0]!.headers).sort()).toEqual(["accept", "apikey", "content-type"]);
  });
});

describe("client against the emulator's faults", () => {
  it("waits out two rate-limited answers to a GET, as Retry-After asks", async () => {
    const { recapture, waits } = client();
    await setFaults({ rateLimitRate: 1, rateLimitResetSeconds: 2, times: 2 });
    expect((await recapture.listCustomers()).success).toBe(true);
    expect(waits).toEqual([2000, 2000]);
    expect(await journalPaths()).toHaveLength(3);
  });

  it("retries a GET past an HTML error page, but never a write", async () => {
    const { recapture } = client();
    await setFaults({ htmlRate: 1, times: 1 });
    expect((await recapture.listCustomers()).success).toBe(true);

    await setFaults({ htmlRate: 1, times: 1 });
    const error = await failure(recapture.createCustomer(examples.createCustomerRequest));
    expect([error.status, error.code]).toEqual([502, "upstream_error"]);
    expect(await journalPaths()).toEqual([
      "GET /v2/recapture/customers",
      "GET /v2/recapture/customers",
      "PUT /v2/recapture/customers",
    ]);
  });

  it("answers 504 when the emulator hangs past the timeout", async () => {
    const { recapture } = client({ timeoutMs: 100 });
    await setFaults({ hangRate: 1, hangMs: 60_000 });
    const error = await failure(recapture.getUpload(examples.getUploadResponse.upload.id));
    expect([error.status, error.code]).toEqual([504, "upstream_timeout"]);
  });
});
