import { afterEach, describe, expect, it } from "vitest";
import { startEmulatorServer, type EmulatorServer } from "@/lib/testing/emulator-server";

type Upload = {
  id: string;
  total_uploaded_customers: number;
  total_processed_customers: number;
  total_errors: number;
};
type Customer = {
  rego: string | null;
  state: string | null;
  vin: string | null;
  vehicle_title: string | null;
  monitor_start_date: string | null;
  monitor_end_date: string | null;
};

let emulator: EmulatorServer | undefined;
afterEach(() => emulator?.close());

async function upload(server: EmulatorServer, body: Record<string, unknown>, region = "au") {
  const answer = await server.call<{ upload: Upload }>("POST", `/v2/recapture/upload?region=${region}`, {
    body: { name: "Test", ...body },
  });
  expect(answer.status).toBe(202);
  return answer.body.upload;
}

async function customersOf(server: EmulatorServer, uploadId: string, region = "au") {
  const answer = await server.call<{ total: number; customers: Customer[] }>(
    "GET",
    `/v2/recapture/customers?region=${region}&limit=500&upload_id=${uploadId}`,
  );
  return answer.body.customers;
}

describe("queued upload processing", () => {
  it("counts failing customers in both processed and errors, and creates the rest", async () => {
    emulator = await startEmulatorServer();
    const queued = await upload(emulator, {
      monitor_start_date: "2024-01-01",
      customers: [
        { rego: "ABC123", state: "VIC" },
        { vin: "JTDBR32E720012345", monitor_start_date: "2024-03-01T10:30:00+10:00" },
        { external_id: "no plate, no VIN" },
        { rego: "", vin: "  " },
        { rego: "DEF456", sale_date: "31/12/2022" },
        { rego: "GHI789", monitor_start_date: "2024-05-01", monitor_end_date: "2024-04-01" },
      ],
    });
    const done = await emulator.waitForUpload(queued.id);
    expect(done).toMatchObject({
      total_uploaded_customers: 6,
      total_processed_customers: 6,
      total_errors: 4,
    });
    const customers = await customersOf(emulator, queued.id);
    expect(
      customers.map((customer) => [
        customer.rego,
        customer.vin,
        customer.monitor_start_date,
        customer.monitor_end_date,
      ]),
    ).toEqual([
      ["ABC123", null, "2024-01-01T00:00:00.000Z", null],
      [null, "JTDBR32E720012345", "2024-03-01T00:30:00.000Z", null],
    ]);
    expect(customers[1]?.vehicle_title).toMatch(/^2002 Toyota /);
  });

  it("normalises plates and looks up VINs only when enabled and, in Australia, with a state", async () => {
    emulator = await startEmulatorServer();
    const customers = [
      { rego: "zen 407", state: "vic" },
      { rego: "NOSTATE" },
      { rego: "HASVIN", state: "NSW", vin: "jtdbr32e720012345" },
    ];
    const withLookups = await upload(emulator, { enable_rego_lookups: true, customers });
    const without = await upload(emulator, { enable_rego_lookups: false, customers });
    const nz = await upload(emulator, { enable_rego_lookups: true, customers: [{ rego: "NOSTATE" }] }, "nz");
    for (const { id } of [withLookups, without]) await emulator.waitForUpload(id);
    await emulator.waitForUpload(nz.id, undefined, "nz");

    const looked = await customersOf(emulator, withLookups.id);
    expect(looked.map((customer) => [customer.rego, customer.state])).toEqual([
      ["ZEN407", "VIC"],
      ["NOSTATE", null],
      ["HASVIN", "NSW"],
    ]);
    expect(looked[0]?.vin).toMatch(/^[A-HJ-NPR-Z0-9]{17}$/);
    expect(looked[0]?.vehicle_title).toMatch(/^\d{4} \S+ /);
    expect(looked[1]).toMatchObject({ vin: null, vehicle_title: null });
    expect(looked[2]?.vin).toBe("JTDBR32E720012345");
    expect((await customersOf(emulator, without.id)).map((customer) => customer.vin)).toEqual([
      null,
      null,
      "JTDBR32E720012345",
    ]);
    expect((await customersOf(emulator, nz.id, "nz"))[0]?.vin).toMatch(/^[A-HJ-NPR-Z0-9]{17}$/);

    // The same rego and state always look up the same VIN.
    const again = await emulator.call<{ customer: Customer }>("PUT", "/v2/recapture/customers?region=au", {
      body: { enable_rego_lookups: true, customer: { rego: "ZEN407", state: "VIC" } },
    });
    expect(again.body.customer.vin).toBe(looked[0]?.vin);

    const lookups = await emulator.call<{ total: number; lookups: { region: string; count: number }[] }>(
      "GET",
      "/__emulator/lookups",
    );
    expect(lookups.body.total).toBe(3);
    expect(lookups.body.lookups.map(({ region, count }) => [region, count])).toEqual([
      ["au", 2],
      ["nz", 1],
    ]);
  });

  it("processes at the configured rate, and a cancel stops it while keeping what was processed", async () => {
    emulator = await startEmulatorServer({ processRate: 200 });
    const customers = Array.from({ length: 1_000 }, (_, i) => ({
      rego: `R${i}`,
      ...(i % 10 === 0 ? { rego: null } : {}),
    }));
    const queued = await upload(emulator, { customers });
    await new Promise((resolve) => setTimeout(resolve, 450));
    const status = await emulator.call<{ upload: Upload }>(
      "GET",
      `/v2/recapture/upload/${queued.id}?region=au`,
    );
    // About 200/s: some progress after 0.45 s, far from done.
    expect(status.body.upload.total_processed_customers).toBeGreaterThan(20);
    expect(status.body.upload.total_processed_customers).toBeLessThan(250);

    const cancelled = await emulator.call<{ upload: Upload }>(
      "DELETE",
      `/v2/recapture/upload/${queued.id}?region=au`,
    );
    expect(cancelled.status).toBe(200);
    const frozen = cancelled.body.upload;
    expect(frozen.total_uploaded_customers).toBe(1_000);
    await new Promise((resolve) => setTimeout(resolve, 250));
    const later = await emulator.call<{ upload: Upload }>(
      "GET",
      `/v2/recapture/upload/${queued.id}?region=au`,
    );
    expect(later.body.upload).toEqual(frozen);
    const listed = await emulator.call<{ total: number }>(
      "GET",
      `/v2/recapture/customers?region=au&upload_id=${queued.id}`,
    );
    expect(listed.body.total).toBe(frozen.total_processed_customers - frozen.total_errors);
  });

  it("changes its processing rate at run time through the control API", async () => {
    emulator = await startEmulatorServer({ processRate: 0 });
    const slowed = await emulator.call<{ process_rate: number }>("PUT", "/__emulator/process-rate", {
      body: { process_rate: 100 },
    });
    expect(slowed.body.process_rate).toBe(100);
    const queued = await upload(emulator, {
      customers: Array.from({ length: 1_000 }, (_, i) => ({ rego: `S${i}` })),
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    const progress = async () =>
      (await emulator!.call<{ upload: Upload }>("GET", `/v2/recapture/upload/${queued.id}?region=au`)).body
        .upload.total_processed_customers;
    // About 100/s after the slow-down, so far from the 1,000 an unthrottled emulator finishes at once.
    expect(await progress()).toBeLessThan(200);

    await emulator.call("PUT", "/__emulator/process-rate", { body: { process_rate: 0 } });
    await expect.poll(progress).toBe(1_000);
    expect((await emulator.call<{ process_rate: number }>("GET", "/__emulator")).body.process_rate).toBe(0);
  });
});
