import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createCustomerRequest,
  updateCustomerRequest,
  uploadRequest,
} from "@/lib/testing/reference-examples";
import { KEY_B, startEmulatorServer, type EmulatorServer } from "@/lib/testing/emulator-server";

/**
 * Every example request of the API reference, sent over HTTP, with every
 * documented field and error message checked.
 */

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const UPLOAD_KEYS = [
  "id",
  "created_at",
  "enable_rego_lookups",
  "name",
  "total_uploaded_customers",
  "total_processed_customers",
  "total_errors",
];
const CUSTOMER_KEYS = [
  "id",
  "last_updated",
  "rego",
  "state",
  "vin",
  "external_id",
  "sale_date",
  "monitor_start_date",
  "monitor_end_date",
  "vehicle_title",
  "sightings",
  "additional_fields",
];
const ADDITIONAL_FIELDS = { market_source: "dealer_crm", customer_type: "vip" };

// The reference's example bodies, verbatim, shared with the client's schema tests.
const UPLOAD_EXAMPLE = uploadRequest;
const PUT_EXAMPLE = createCustomerRequest;
const PATCH_EXAMPLE = updateCustomerRequest;

type Upload = Record<(typeof UPLOAD_KEYS)[number], unknown> & { id: string };
type Customer = Record<string, unknown> & { id: string; last_updated: string };

let emulator: EmulatorServer;
beforeAll(async () => {
  emulator = await startEmulatorServer();
});
afterAll(() => emulator.close());

function expectUpload(upload: Upload) {
  expect(Object.keys(upload)).toEqual(UPLOAD_KEYS);
  expect(upload.id).toMatch(UUID);
  expect(upload.created_at).toMatch(ISO);
}

function expectCustomer(customer: Customer) {
  expect(Object.keys(customer)).toEqual(CUSTOMER_KEYS);
  expect(customer.id).toMatch(UUID);
  expect(customer.last_updated).toMatch(ISO);
  expect(Array.isArray(customer.sightings)).toBe(true);
}

describe("uploading customer lists", () => {
  let upload: Upload;

  it("queues an upload: 202 with the upload", async () => {
    const answer = await emulator.call<{ success: boolean; upload: Upload }>(
      "POST",
      "/v2/recapture/upload?region=au",
      { body: UPLOAD_EXAMPLE },
    );
    expect(answer.status).toBe(202);
    expect(answer.body.success).toBe(true);
    upload = answer.body.upload;
    expectUpload(upload);
    expect(upload).toMatchObject({
      enable_rego_lookups: false,
      name: "June 2022 New Customers",
      total_uploaded_customers: 1,
      total_processed_customers: 0,
      total_errors: 0,
    });
  });

  it("reports upload status until processed", async () => {
    const done = await emulator.waitForUpload(upload.id);
    expect(done).toEqual({ ...upload, total_processed_customers: 1 });
    const answer = await emulator.call<{ success: boolean; upload: Upload }>(
      "GET",
      `/v2/recapture/upload/${upload.id}?region=au`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.success).toBe(true);
    expectUpload(answer.body.upload);
  });

  it("lists the uploaded customer with upload-level monitor dates and midnight-UTC dates", async () => {
    const answer = await emulator.call<{ success: boolean; total: number; customers: Customer[] }>(
      "GET",
      "/v2/recapture/customers?region=au&limit=100&offset=0",
    );
    expect(answer.status).toBe(200);
    expect(answer.body.success).toBe(true);
    expect(answer.body.total).toBe(1);
    const [customer] = answer.body.customers;
    expectCustomer(customer as Customer);
    expect(customer).toMatchObject({
      rego: "ZEN407",
      state: "VIC",
      vin: null,
      external_id: "CUST-4821",
      sale_date: "2022-06-15T00:00:00.000Z",
      monitor_start_date: "2022-06-01T00:00:00.000Z",
      monitor_end_date: "2023-06-01T00:00:00.000Z",
      vehicle_title: null,
      sightings: [],
      additional_fields: ADDITIONAL_FIELDS,
    });
  });

  it("cancels an upload and answers with it", async () => {
    const answer = await emulator.call<{ success: boolean; upload: Upload }>(
      "DELETE",
      `/v2/recapture/upload/${upload.id}?region=au`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ success: true, upload: { ...upload, total_processed_customers: 1 } });
  });

  it("refuses an empty list", async () => {
    for (const customers of [[], undefined]) {
      const answer = await emulator.call("POST", "/v2/recapture/upload?region=au", {
        body: { ...UPLOAD_EXAMPLE, customers },
      });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ success: false, message: "You must upload at least one customer" });
    }
  });

  it("refuses wrong types and malformed JSON with 400", async () => {
    const cases = [
      [{ ...UPLOAD_EXAMPLE, enable_rego_lookups: "yes" }, "enable_rego_lookups must be a boolean"],
      [{ ...UPLOAD_EXAMPLE, customers: [{ rego: 123 }] }, "customers[0].rego must be a string"],
      [{ ...UPLOAD_EXAMPLE, customers: "ZEN407" }, "customers must be an array"],
      [{ ...UPLOAD_EXAMPLE, monitor_start_date: "01/06/2022" }, "monitor_start_date must be a valid date"],
      ["[1, 2", "Request body must be valid JSON"],
      ["42", "Request body must be a JSON object"],
    ] as const;
    for (const [body, message] of cases) {
      const answer = await emulator.call("POST", "/v2/recapture/upload?region=au", { body });
      expect(answer.status, message).toBe(400);
      expect(answer.body).toEqual({ success: false, message });
    }
  });

  it("answers 404 for unknown or malformed upload ids and 403 for another account's", async () => {
    for (const id of ["99aa2d8e-348b-4321-beeb-f2fa67bab3eb", "not-a-uuid"]) {
      const answer = await emulator.call("GET", `/v2/recapture/upload/${id}?region=au`);
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ success: false, message: "Invalid Upload ID" });
    }
    const other = await emulator.call("DELETE", `/v2/recapture/upload/${upload.id}?region=au`, {
      key: KEY_B,
    });
    expect(other.status).toBe(403);
    expect(other.body).toEqual({
      success: false,
      message: "You don't have permission to access that upload",
    });
  });
});

describe("managing customers", () => {
  let created: Customer;

  it("creates a customer with PUT, looking up its VIN", async () => {
    const answer = await emulator.call<{ success: boolean; customer: Customer }>(
      "PUT",
      "/v2/recapture/customers?region=au",
      { body: PUT_EXAMPLE },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.success).toBe(true);
    created = answer.body.customer;
    expectCustomer(created);
    expect(created).toMatchObject({
      rego: "ZEN407",
      state: "VIC",
      external_id: "CUST-4821",
      sale_date: "2022-06-01T00:00:00.000Z",
      monitor_start_date: "2022-06-01T00:00:00.000Z",
      monitor_end_date: "2023-06-01T00:00:00.000Z",
      sightings: [],
      additional_fields: ADDITIONAL_FIELDS,
    });
    expect(created.vin).toMatch(/^[A-HJ-NPR-Z0-9]{17}$/);
    expect(created.vehicle_title).toMatch(/^(19|20)\d{2} [A-Z]/);
  });

  it("refuses a customer without rego or VIN", async () => {
    for (const body of [
      { customer: { state: "VIC", external_id: "X" } },
      { customer: { rego: "", vin: null } },
      {},
    ]) {
      const answer = await emulator.call("PUT", "/v2/recapture/customers?region=au", { body });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ success: false, message: "Missing required properties" });
    }
  });

  it("gets a customer", async () => {
    const answer = await emulator.call<{ success: boolean; customer: Customer }>(
      "GET",
      `/v2/recapture/customers/${created.id}?region=au`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ success: true, customer: created });
  });

  it("answers Invalid Customer ID for unknown and malformed ids, and refuses another account's customer", async () => {
    for (const id of ["0000c339-1fb4-4d15-9b46-6509f2c5a2a4", "nope", "1"]) {
      for (const method of ["GET", "PATCH", "DELETE"]) {
        const answer = await emulator.call(method, `/v2/recapture/customers/${id}?region=au`, {
          body: method === "PATCH" ? {} : undefined,
        });
        expect(answer.status).toBe(404);
        expect(answer.body).toEqual({ success: false, message: "Invalid Customer ID" });
      }
    }
    for (const method of ["GET", "PATCH", "DELETE"]) {
      const answer = await emulator.call(method, `/v2/recapture/customers/${created.id}?region=au`, {
        key: KEY_B,
        body: method === "PATCH" ? PATCH_EXAMPLE : undefined,
      });
      expect(answer.status).toBe(403);
      expect(answer.body).toEqual({
        success: false,
        message: "You don't have permission to access that customer",
      });
    }
  });

  it("updates only the fields given with PATCH", async () => {
    const answer = await emulator.call<{ success: boolean; customer: Customer }>(
      "PATCH",
      `/v2/recapture/customers/${created.id}?region=au`,
      {
        body: PATCH_EXAMPLE,
      },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.success).toBe(true);
    expect(answer.body.customer).toEqual({
      ...created,
      last_updated: answer.body.customer.last_updated,
      external_id: "CUST-5673",
      sale_date: "2022-06-15T00:00:00.000Z",
    });
    expect(answer.body.customer.last_updated >= created.last_updated).toBe(true);

    const partial = await emulator.call<{ customer: Customer }>(
      "PATCH",
      `/v2/recapture/customers/${created.id}?region=au`,
      {
        body: { external_id: "", monitor_end_date: null, additional_fields: null },
      },
    );
    expect(partial.body.customer).toMatchObject({
      external_id: null,
      sale_date: "2022-06-15T00:00:00.000Z",
      monitor_start_date: "2022-06-01T00:00:00.000Z",
      monitor_end_date: null,
      additional_fields: {},
    });
    created = partial.body.customer;
  });

  it("refuses an invalid PATCH and changes nothing", async () => {
    const cases = [
      [{ external_id: "CHANGED", sale_date: "2022-02-30" }, "sale_date must be a valid date"],
      [{ monitor_start_date: "not a date" }, "monitor_start_date must be a valid date"],
      [{ monitor_end_date: "2020-01-01" }, "monitor_end_date must not be before monitor_start_date"],
      [{ external_id: 5 }, "external_id must be a string"],
      [{ rego: "NEW123", vin: "X" }, "Unknown or read-only properties: rego, vin"],
      ["{", "Request body must be valid JSON"],
    ] as const;
    for (const [body, message] of cases) {
      const answer = await emulator.call("PATCH", `/v2/recapture/customers/${created.id}?region=au`, {
        body,
      });
      expect(answer.status, message).toBe(400);
      expect(answer.body).toEqual({ success: false, message });
    }
    const unchanged = await emulator.call<{ customer: Customer }>(
      "GET",
      `/v2/recapture/customers/${created.id}?region=au`,
    );
    expect(unchanged.body.customer).toEqual(created);
  });

  it("deletes a customer and answers with it", async () => {
    const answer = await emulator.call<{ success: boolean; customer: Customer }>(
      "DELETE",
      `/v2/recapture/customers/${created.id}?region=au`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ success: true, customer: created });
    const gone = await emulator.call("GET", `/v2/recapture/customers/${created.id}?region=au`);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({ success: false, message: "Invalid Customer ID" });
  });
});

describe("every request", () => {
  it("needs a known ApiKey: 401 otherwise", async () => {
    const missing = await emulator.call("GET", "/v2/recapture/customers?region=au", { key: null });
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({ success: false, message: "Missing API key" });
    const unknown = await emulator.call("GET", "/v2/recapture/customers?region=au", { key: "nope" });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual({ success: false, message: "Invalid API key" });
  });

  it("needs a region of au, nz, uk or my", async () => {
    for (const query of ["", "?region=", "?region=us", "?region=AU"]) {
      const answer = await emulator.call("GET", `/v2/recapture/customers${query}`);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ success: false, message: "Invalid Region" });
    }
    for (const region of ["au", "nz", "uk", "my"]) {
      expect((await emulator.call("GET", `/v2/recapture/customers?region=${region}`)).status).toBe(200);
    }
  });

  it("carries rate-limit headers, errors included", async () => {
    for (const answer of [
      await emulator.call("GET", "/v2/recapture/customers?region=au"),
      await emulator.call("GET", "/v2/recapture/customers?region=au", { key: null }),
      await emulator.call("GET", "/v2/recapture/nowhere?region=au"),
    ]) {
      expect(Number(answer.headers.get("Rate-Limit-Total"))).toBe(600);
      expect(Number(answer.headers.get("Rate-Limit-Remaining"))).toBeGreaterThan(0);
      expect(Number(answer.headers.get("Rate-Limit-Reset"))).toBeGreaterThan(Date.now() / 1000);
    }
  });

  it("answers unknown paths with a JSON 404", async () => {
    const answer = await emulator.call("GET", "/v2/recapture/nowhere?region=au");
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ success: false, message: "Not Found" });
  });
});
