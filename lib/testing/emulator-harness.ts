import { expect } from "vitest";
import { createEmulator, type Emulator, type FaultSettings } from "@/lib/emulator";
import { createRecaptureClient, type RecaptureClient } from "@/lib/server/recapture-client";
import { isUnreadableCustomer, type UploadRequest } from "@/lib/recapture/schemas";
import type { SessionUser } from "@/lib/server/auth/sessions";
import { PART_REFERENCE_FIELD } from "@/lib/server/uploads/part-reference";

/**
 * Test support for the register's sending and checking: the emulator in
 * process, as the app mounts it, on a clock the test moves, and a client that
 * counts the requests it makes. The register's database is the caller's: run
 * the tests under describeEachEngine (lib/testing/database-engines.ts).
 */

const ORIGIN = "http://emulator.test";
export const staff: SessionUser = { id: 2, email: "staff@demo.local", name: "Demo Staff", role: "staff" };

export interface Harness {
  emulator: Emulator;
  client: RecaptureClient;
  /** Requests the client sent, as "GET /v2/recapture/customers". */
  requests: string[];
  clock: { now: number };
  control(method: string, path: string, body?: unknown): Promise<unknown>;
  setFaults(faults: Partial<FaultSettings>): Promise<unknown>;
  /** Customers upstream carrying this part's id. */
  copiesOf(partId: string): Promise<number>;
  close(): void;
}

export function startHarness({ timeoutMs = 200, start = Date.now() } = {}): Harness {
  const clock = { now: start };
  const emulator = createEmulator({
    db: ":memory:",
    apiKeys: ["key"],
    processRate: 0,
    control: true,
    now: () => clock.now,
  });
  const requests: string[] = [];
  const client = createRecaptureClient({
    baseUrl: ORIGIN,
    apiKey: "key",
    region: "au",
    timeoutMs,
    maxRetries: 0,
    fetch: (request) => {
      requests.push(`${request.method} ${new URL(request.url).pathname}`);
      return emulator.fetch(request);
    },
  });

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

  async function copiesOf(partId: string) {
    const { total } = await client.listCustomers({ limit: 1 });
    let copies = 0;
    for (let offset = 0; offset < total; offset += 500) {
      const { customers } = await client.listCustomers({ offset, limit: 500 });
      copies += customers.filter(
        (customer) =>
          !isUnreadableCustomer(customer) && customer.additional_fields?.[PART_REFERENCE_FIELD] === partId,
      ).length;
    }
    return copies;
  }

  return {
    emulator,
    client,
    requests,
    clock,
    control,
    setFaults: (faults) => control("PUT", "faults", faults),
    copiesOf,
    close: () => emulator.close(),
  };
}

/** An upload request of `count` customers with plates PLATE0001, PLATE0002, … */
export function uploadOf(count: number, name = "June service customers"): UploadRequest {
  return {
    name,
    enable_rego_lookups: false,
    customers: Array.from({ length: count }, (_, index) => ({
      rego: `P${String(index + 1).padStart(5, "0")}`,
      state: "VIC",
    })),
  };
}
