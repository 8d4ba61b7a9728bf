import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createEmulator, type Emulator } from "@/lib/emulator";
import type { ReplaceVehicleRequest } from "@/lib/customers/replace-vehicle";
import type { Customer } from "@/lib/recapture/schemas";
import type { AuditInput } from "@/lib/server/audit";
import { DomainError } from "@/lib/server/domain-error";
import { createRecaptureClient, type RecaptureClient } from "@/lib/server/recapture-client";
import { describeEachEngine } from "@/lib/testing/database-engines";
import { staff } from "@/lib/testing/emulator-harness";
import { oneReplacementAtATime, replaceVehicle } from "./replace-vehicle";

const audited = vi.hoisted(() => [] as AuditInput[]);
vi.mock("@/lib/server/audit", () => ({ audit: (entry: AuditInput) => void audited.push(entry) }));

const ORIGIN = "http://emulator.test";
type Method = "GET" | "PUT" | "DELETE";
type Failure = "server_error" | "lost_answer";

/** The emulator in process, with a client whose next request of a given method can be made to fail. */
let emulator: Emulator;
let client: RecaptureClient;
let sent: string[];
let failNext: Partial<Record<Method, (Failure | undefined)[]>>;

beforeEach(() => {
  audited.length = 0;
  sent = [];
  failNext = {};
  emulator = createEmulator({ db: ":memory:", apiKeys: ["key"], processRate: 0, control: false });
  client = createRecaptureClient({
    baseUrl: ORIGIN,
    apiKey: "key",
    region: "au",
    timeoutMs: 1_000,
    maxRetries: 0,
    fetch: async (request) => {
      sent.push(request.method);
      const failure = failNext[request.method as Method]?.shift();
      if (failure === "server_error")
        return Response.json({ success: false, message: "Oops" }, { status: 503 });
      const answer = await emulator.fetch(request);
      if (failure === "lost_answer") throw new TypeError("fetch failed");
      return answer;
    },
  });
});
afterEach(() => emulator.close());

async function oldCustomer(): Promise<Customer> {
  const { customer } = await client.createCustomer({
    enable_rego_lookups: false,
    customer: {
      rego: "ABC123",
      state: "VIC",
      external_id: "CUST-4821",
      sale_date: "2021-03-04",
      monitor_start_date: "2022-06-01",
      monitor_end_date: "2030-06-01",
      additional_fields: { name: "Sam Smith", visits: 2 },
    },
  });
  sent = [];
  return customer;
}

const toXyz: ReplaceVehicleRequest = {
  enable_rego_lookups: false,
  vehicle: { rego: "XYZ789", state: "NSW" },
};

const replace = (customerId: string, request = toXyz) =>
  replaceVehicle({ client, user: staff, customerId, request, region: "au" });

async function exists(customerId: string): Promise<boolean> {
  return client.getCustomer(customerId).then(
    () => true,
    () => false,
  );
}

describe("replacing a customer's vehicle", () => {
  it("creates the new record with everything but the vehicle copied, then deletes the old one, each step audited", async () => {
    const old = await oldCustomer();
    const answer = await replace(old.id);

    expect(sent).toEqual(["GET", "PUT", "DELETE"]);
    expect(answer.customer).toMatchObject({
      rego: "XYZ789",
      state: "NSW",
      external_id: "CUST-4821",
      sale_date: old.sale_date,
      monitor_start_date: old.monitor_start_date,
      monitor_end_date: old.monitor_end_date,
      additional_fields: { name: "Sam Smith", visits: 2 },
      sightings: [],
    });
    expect(answer.old_customer).toEqual({ id: old.id, vehicle: "ABC123 (VIC)", state: "deleted" });
    expect(answer.message).toContain("Vehicle replaced");
    expect(await exists(old.id)).toBe(false);
    expect(await exists(answer.customer.id)).toBe(true);

    expect(audited).toEqual([
      {
        user: staff,
        action: "customer.replace_vehicle",
        target: "ABC123 (VIC) → XYZ789 (NSW) · external ID CUST-4821",
        outcome: "success",
        detail: `Step 1 of 2: created the new record ${answer.customer.id}`,
      },
      expect.objectContaining({
        outcome: "success",
        detail: `Step 2 of 2: deleted the old record ${old.id}`,
      }),
    ]);
  });

  it("when the delete fails, says both records exist, with their ids, and audits the failure", async () => {
    const old = await oldCustomer();
    failNext.DELETE = ["server_error"];
    const answer = await replace(old.id);

    expect(sent).toEqual(["GET", "PUT", "DELETE", "GET"]);
    expect(answer.old_customer.state).toBe("still_there");
    expect(answer.message).toBe(
      `Only partly done: the new record for XYZ789 (NSW) (id ${answer.customer.id}) was created, but the old record for ABC123 (VIC) (id ${old.id}) couldn't be deleted and is still there, with its sightings, and still monitored. Delete it once you have checked the new record.`,
    );
    expect(await exists(old.id)).toBe(true);
    expect(await exists(answer.customer.id)).toBe(true);
    expect(audited.map(({ outcome }) => outcome)).toEqual(["success", "failure"]);
    expect(audited[1]!.detail).toContain(`Step 2 of 2, deleting the old record ${old.id}`);
    expect(audited[1]!.detail).toContain(`The new record ${answer.customer.id} exists.`);
  });

  it("a delete whose answer was lost but went through counts as done, once checked", async () => {
    const old = await oldCustomer();
    failNext.DELETE = ["lost_answer"];
    const answer = await replace(old.id);

    expect(sent).toEqual(["GET", "PUT", "DELETE", "GET"]);
    expect(answer.old_customer.state).toBe("deleted");
    expect(audited.map(({ outcome }) => outcome)).toEqual(["success", "failure", "success"]);
    expect(audited[2]!.detail).toContain("is gone after all");
  });

  it("when neither the delete nor the check gets an answer, says the old record may still be there", async () => {
    const old = await oldCustomer();
    failNext.DELETE = ["server_error"];
    // The first read (before anything is written) succeeds; the check after the failed delete does not.
    failNext.GET = [undefined, "server_error"];
    const answer = await replace(old.id);

    expect(answer.old_customer.state).toBe("unknown");
    expect(answer.message).toContain("couldn't check whether it is still there");
    expect(await exists(old.id)).toBe(true);
  });

  it("when the create fails, deletes nothing and says nothing changed", async () => {
    const old = await oldCustomer();
    failNext.PUT = ["server_error"];
    const error = await replace(old.id).catch((reason: unknown) => reason);

    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).upstreamStatus).toBe(502);
    expect((error as Error).message).toMatch(
      /^The new record for XYZ789 \(NSW\) wasn't created, and the record for ABC123 \(VIC\) is unchanged\./,
    );
    expect(sent).toEqual(["GET", "PUT"]);
    expect(await exists(old.id)).toBe(true);
    expect(audited).toEqual([
      expect.objectContaining({
        outcome: "failure",
        detail: expect.stringMatching(/^Step 1 of 2, creating/),
      }),
    ]);
  });

  it("when the create's answer is lost, says the new record may exist, so it isn't added twice", async () => {
    const old = await oldCustomer();
    failNext.PUT = ["lost_answer"];
    const error = (await replace(old.id).catch((reason: unknown) => reason)) as Error;

    expect(error.message).toContain("couldn't tell whether the new record for XYZ789 (NSW) was created");
    expect(error.message).toContain("Look for XYZ789 (NSW) in the customers list before trying again");
    expect(sent).toEqual(["GET", "PUT"]);
    expect(await exists(old.id)).toBe(true);
  });

  it("refuses a new vehicle the create rules refuse, or the same vehicle, before writing anything", async () => {
    const old = await oldCustomer();
    const refusal = (request: ReplaceVehicleRequest) =>
      replace(old.id, request).then(
        () => expect.unreachable("the replacement should be refused"),
        (reason: unknown) => reason as DomainError,
      );

    const tooLong = await refusal({ enable_rego_lookups: false, vehicle: { vin: "1N4AL11D16N3377201" } });
    expect(tooLong).toMatchObject({
      kind: "inconsistent",
      fields: { "vehicle.vin": "A VIN has at most 17 characters" },
    });
    const none = await refusal({ enable_rego_lookups: false, vehicle: {} });
    expect(none.fields).toEqual({ "vehicle.rego": "Missing required properties: enter a rego or a VIN" });
    const same = await refusal({ enable_rego_lookups: false, vehicle: { rego: "abc 123", state: "VIC" } });
    expect(same.fields?.["vehicle.rego"]).toMatch(/already has that vehicle/);

    expect(sent).toEqual(["GET", "GET", "GET"]);
    expect(audited).toEqual([]);
  });

  it("an unknown record is refused by the API before anything is written", async () => {
    const error = await replace("00000000-0000-4000-8000-000000000000").catch((reason: unknown) => reason);
    expect(error).toMatchObject({ status: 404, message: "Invalid Customer ID" });
    expect(sent).toEqual(["GET"]);
  });
});

describeEachEngine("one replacement of a record at a time", () => {
  it("refuses a second replacement while the first runs, and allows one after", async () => {
    let finish!: () => void;
    const first = oneReplacementAtATime(
      "id-1",
      () => new Promise<string>((resolve) => (finish = () => resolve("first"))),
    );
    await vi.waitFor(() => expect(finish).toBeTypeOf("function"));
    await expect(oneReplacementAtATime("id-1", async () => "second")).rejects.toMatchObject({
      kind: "conflict",
      code: "replacement_in_progress",
    });
    // Another record's replacement is not held up.
    await expect(oneReplacementAtATime("id-2", async () => "other")).resolves.toBe("other");
    finish();
    await expect(first).resolves.toBe("first");
    await expect(oneReplacementAtATime("id-1", async () => "again")).resolves.toBe("again");
  });

  it("lets go of the record when the replacement fails", async () => {
    await expect(
      oneReplacementAtATime("id-1", () => Promise.reject(new Error("upstream down"))),
    ).rejects.toThrow("upstream down");
    await expect(oneReplacementAtATime("id-1", async () => "retried")).resolves.toBe("retried");
  });
});
