import { request as httpRequest } from "node:http";
import { expect, test } from "./fixtures";
import { journal, setFaults } from "./support/emulator-journal";

/**
 * The proxy through the running app: every route, the documented errors, the id
 * probes that must never reach upstream, and upstream failures mapped to sentences.
 * The embedded emulator's control endpoints (EMULATOR_CONTROL=1) set faults and
 * show which requests reached it.
 */
test.use({ role: "staff" });

const customer = { rego: "ZEN407", state: "VIC", external_id: "CUST-4821", sale_date: "2022-06-15" };

/** A GET sent with its path exactly as written: no client-side normalisation of `..` or `%2e`. */
async function rawGet(baseURL: string, path: string, cookie: string): Promise<number> {
  const url = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path, headers: { Cookie: cookie } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", reject);
    req.end();
  });
}

test.afterEach(async ({ api }) => {
  await api.delete("/api/emulator/faults");
});

test("lists customers a page at a time, with the total, capped at 500", async ({ api }) => {
  const first = await api.get("/api/recapture/customers?limit=25&offset=0");
  expect(first.status()).toBe(200);
  const page = await first.json();
  expect(page.success).toBe(true);
  expect(page.total).toBeGreaterThan(1000);
  expect(page.customers).toHaveLength(25);

  const next = await (await api.get("/api/recapture/customers?limit=25&offset=25")).json();
  expect(next.customers[0].id).not.toBe(page.customers[0].id);

  expect((await (await api.get("/api/recapture/customers?limit=500")).json()).customers).toHaveLength(500);
  const tooMany = await api.get("/api/recapture/customers?limit=501");
  expect(tooMany.status()).toBe(400);
  expect(await tooMany.json()).toMatchObject({
    success: false,
    error: { fields: { limit: "Limit cannot be more than 500" } },
  });
});

test("creates, reads, edits (clearing a field) and deletes one customer", async ({ api }) => {
  const created = await api.put("/api/recapture/customers", {
    data: { enable_rego_lookups: true, customer },
  });
  expect(created.status()).toBe(200);
  const { customer: saved } = await created.json();
  expect(saved).toMatchObject({ rego: "ZEN407", state: "VIC", sale_date: "2022-06-15T00:00:00.000Z" });
  expect(saved.vin).toMatch(/^[A-HJ-NPR-Z0-9]{17}$/);

  expect((await (await api.get(`/api/recapture/customers/${saved.id}`)).json()).customer.id).toBe(saved.id);

  const patched = await api.patch(`/api/recapture/customers/${saved.id}`, {
    data: { external_id: "CUST-5673", sale_date: "" },
  });
  expect(patched.status()).toBe(200);
  expect((await patched.json()).customer).toMatchObject({
    external_id: "CUST-5673",
    sale_date: null,
    rego: "ZEN407",
  });

  const badDate = await api.patch(`/api/recapture/customers/${saved.id}`, {
    data: { sale_date: "31/02/2022" },
  });
  expect(badDate.status()).toBe(422);
  expect((await badDate.json()).error.fields).toHaveProperty("sale_date");

  const deleted = await api.delete(`/api/recapture/customers/${saved.id}`);
  expect(deleted.status()).toBe(200);
  expect((await deleted.json()).customer.id).toBe(saved.id);

  const gone = await api.get(`/api/recapture/customers/${saved.id}`);
  expect(gone.status()).toBe(404);
  expect(await gone.json()).toEqual({
    success: false,
    error: { code: "not_found", message: "Invalid Customer ID" },
  });
});

test("refuses a customer with neither rego nor VIN, and an empty upload, with the documented messages", async ({
  api,
}) => {
  const missing = await api.put("/api/recapture/customers", { data: { customer: { external_id: "X" } } });
  expect(missing.status()).toBe(422);
  expect((await missing.json()).error.message).toContain("Missing required properties");

  const empty = await api.post("/api/recapture/upload", { data: { name: "Empty", customers: [] } });
  expect(empty.status()).toBe(422);
  expect((await empty.json()).error.message).toBe("You must upload at least one customer");
});

test("queues an upload (202), reads its progress, cancels it, and filters customers by it", async ({
  api,
}) => {
  const queued = await api.post("/api/recapture/upload", {
    data: {
      name: "June 2022 New Customers",
      monitor_start_date: "2022-06-01",
      customers: [customer, { vin: "1N4AL11D16N337720" }],
    },
  });
  expect(queued.status()).toBe(202);
  const { upload } = await queued.json();
  expect(upload).toMatchObject({ name: "June 2022 New Customers", total_uploaded_customers: 2 });

  await expect
    .poll(
      async () =>
        (await (await api.get(`/api/recapture/upload/${upload.id}`)).json()).upload.total_processed_customers,
    )
    .toBe(2);
  const ofUpload = await (await api.get(`/api/recapture/customers?upload_id=${upload.id}`)).json();
  expect(ofUpload.total).toBe(2);

  const cancelled = await api.delete(`/api/recapture/upload/${upload.id}`);
  expect(cancelled.status()).toBe(200);
  expect((await cancelled.json()).upload.id).toBe(upload.id);
});

test("an upload over the customer cap gets 413 with a message", async ({ api }) => {
  const customers = Array.from({ length: 50_001 }, (_, index) => ({ rego: `R${index}` }));
  const response = await api.post("/api/recapture/upload", { data: { name: "Too big", customers } });
  expect(response.status()).toBe(413);
  expect((await response.json()).error.message).toContain("at most 50,000 customers");
});

test("malformed ids, path tricks and unknown query parameters never reach the Recapture API", async ({
  api,
  baseURL,
  storageState,
}) => {
  await api.delete("/api/emulator/journal");
  for (const path of [
    "customers/abc",
    "customers/..%2f..%2fupload%2fx",
    `customers/${"a".repeat(300)}`,
    "upload/not-an-id",
  ]) {
    const response = await api.get(`/api/recapture/${path}`);
    expect(response.status(), path).toBe(400);
    expect((await response.json()).error.code).toBe("invalid_id");
  }
  const state = typeof storageState === "object" ? storageState : { cookies: [] };
  const cookie = state.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  for (const path of [
    "/api/recapture/customers/%2e%2e",
    "/api/recapture/customers/../upload/x",
    "/api/recapture/upload/%2e%2e%2fx",
  ]) {
    expect(await rawGet(baseURL!, path, cookie), path).not.toBe(200);
  }
  expect(await journal(api)).toEqual([]);

  await api.get("/api/recapture/customers?limit=5&secret=1&region=au");
  const [reached] = await journal(api);
  expect(reached?.path).toBe("/v2/recapture/customers");
  expect(Object.keys(reached!.query).sort()).toEqual(["limit", "region"]);
});

test("only ApiKey, Content-Type and Accept go upstream: no cookies, Host or forwarding headers", async ({
  api,
}) => {
  await api.delete("/api/emulator/journal");
  const forwarded = {
    "X-Forwarded-For": "203.0.113.9",
    "X-Forwarded-Host": "dealer.example",
    "X-Custom": "1",
  };
  expect((await api.get("/api/recapture/customers?limit=1", { headers: forwarded })).status()).toBe(200);
  const write = await api.put("/api/recapture/customers", {
    data: { customer: { vin: "4T1BE46K28U742135" } },
    headers: { "X-Forwarded-For": "203.0.113.9" },
  });
  expect(write.status()).toBe(200);
  const requests = await journal(api);
  const read = requests.find((request) => request.method === "GET" && request.query.limit === "1");
  const created = requests.find((request) => request.method === "PUT");
  expect(Object.keys(read!.headers).sort()).toEqual(["accept", "apikey"]);
  expect(Object.keys(created!.headers).sort()).toEqual(["accept", "apikey", "content-type"]);
  expect(created!.headers.apikey).toBe("[redacted]");
});

test("upstream failures become a plain sentence: 502 unreachable or broken, 504 too slow", async ({
  api,
}) => {
  await setFaults(api, { errorRate: 1 });
  const failing = await api.get("/api/recapture/customers?limit=5");
  expect(failing.status()).toBe(502);
  expect((await failing.json()).error.message).toMatch(/Recapture/);

  await setFaults(api, { htmlRate: 1 });
  const html = await api.get("/api/recapture/customers?limit=5");
  expect(html.status()).toBe(502);
  const body = await html.text();
  expect(body).not.toContain("<html");
  expect(JSON.parse(body).error.message).toMatch(/Recapture/);

  await setFaults(api, { hangRate: 1 });
  const slow = await api.get("/api/recapture/customers?limit=5");
  expect(slow.status()).toBe(504);
  expect((await slow.json()).error.message).toMatch(/too long/);
});

test("a GET is retried through a brief outage and succeeds; a write is not retried", async ({ api }) => {
  await setFaults(api, { rateLimitRate: 1, rateLimitResetSeconds: 1, times: 1 });
  expect((await api.get("/api/recapture/customers?limit=5")).status()).toBe(200);

  await api.delete("/api/emulator/journal");
  await setFaults(api, { rateLimitRate: 1, rateLimitResetSeconds: 1, times: 1 });
  const write = await api.put("/api/recapture/customers", { data: { customer: { rego: "RETRY1" } } });
  expect(write.status()).toBe(429);
  expect((await journal(api)).filter((entry) => entry.method === "PUT")).toHaveLength(1);
});

test.describe("as a viewer", () => {
  test.use({ role: "viewer" });

  test("reads but every write is refused with 403", async ({ api }) => {
    expect((await api.get("/api/recapture/customers?limit=1")).status()).toBe(200);
    const id = "00000000-0000-4000-8000-000000000000";
    for (const [method, url] of [
      ["post", "/api/recapture/upload"],
      ["delete", `/api/recapture/upload/${id}`],
      ["put", "/api/recapture/customers"],
      ["patch", `/api/recapture/customers/${id}`],
      ["delete", `/api/recapture/customers/${id}`],
    ] as const) {
      const response = await api[method](url, { data: {} });
      expect(response.status(), `${method} ${url}`).toBe(403);
    }
  });
});
