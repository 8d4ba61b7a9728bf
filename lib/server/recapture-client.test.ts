import { describe, expect, it } from "vitest";
import {
  createRecaptureClient,
  MAX_RETRY_WAIT_MS,
  type RecaptureClientOptions,
} from "@/lib/server/recapture-client";
import * as examples from "@/lib/testing/reference-examples";
import { failure } from "@/lib/testing/recapture-failure";

const API_KEY = "test-key-6f1c2d";
const CUSTOMER_ID = examples.getCustomerResponse.customer.id;
const UPLOAD_ID = examples.getUploadResponse.upload.id;
const START = Date.parse("2024-05-01T00:00:00.000Z");

/** One scripted upstream answer: a response, a thrown network error, or no answer at all. */
type Step = (request: Request) => Response | Promise<Response>;

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Step =>
  () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { "Content-Type": "application/json", ...headers },
    });

const html =
  (status: number): Step =>
  () =>
    new Response("<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>", {
      status,
      headers: { "Content-Type": "text/html" },
    });

const networkDown: Step = () => {
  throw new TypeError("fetch failed");
};

const hang: Step = () => new Promise<Response>(() => {});

/** A client over scripted steps (the last one repeats), with a fake clock that `sleep` advances. */
function setup(steps: Step[], overrides: Partial<RecaptureClientOptions> = {}) {
  const requests: Request[] = [];
  const waits: number[] = [];
  let clock = START;
  const client = createRecaptureClient({
    baseUrl: "https://api.example.test",
    apiKey: API_KEY,
    region: "au",
    fetch: async (request) => {
      requests.push(request);
      const step = steps[Math.min(requests.length, steps.length) - 1]!;
      return step(request);
    },
    sleep: async (ms) => {
      waits.push(ms);
      clock += ms;
    },
    now: () => clock,
    random: () => 0.5,
    ...overrides,
  });
  return { client, requests, waits };
}

describe("requests", () => {
  it("builds each endpoint's URL with the region and sends the body as JSON", async () => {
    const { client, requests } = setup([json(200, examples.getCustomerResponse)]);
    await client.getCustomer(CUSTOMER_ID);
    await client.updateCustomer(CUSTOMER_ID, examples.updateCustomerRequest, { region: "nz" });

    expect(requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      `GET https://api.example.test/v2/recapture/customers/${CUSTOMER_ID}?region=au`,
      `PATCH https://api.example.test/v2/recapture/customers/${CUSTOMER_ID}?region=nz`,
    ]);
    expect(await requests[1]!.json()).toEqual(examples.updateCustomerRequest);
  });

  it("keeps a base URL's path and passes only the known list parameters", async () => {
    const { client, requests } = setup([json(200, examples.listCustomersResponse)], {
      baseUrl: "https://gateway.example.test/recapture/?token=x",
    });
    await client.listCustomers({ offset: 500, limit: 100, upload_id: UPLOAD_ID, debug: "1" } as never);
    expect(requests[0]!.url).toBe(
      `https://gateway.example.test/recapture/v2/recapture/customers?region=au&offset=500&limit=100&upload_id=${UPLOAD_ID}`,
    );
  });

  it("sends only ApiKey, Accept and Content-Type, and refuses to follow redirects", async () => {
    const { client, requests } = setup([
      json(202, examples.uploadResponse),
      json(200, examples.getUploadResponse),
    ]);
    await client.uploadCustomers(examples.uploadRequest);
    await client.getUpload(UPLOAD_ID);

    const [post, get] = requests;
    expect(Object.fromEntries(post!.headers)).toEqual({
      apikey: API_KEY,
      accept: "application/json",
      "content-type": "application/json",
    });
    expect(Object.fromEntries(get!.headers)).toEqual({ apikey: API_KEY, accept: "application/json" });
    expect(requests.every((request) => request.redirect === "error")).toBe(true);
  });

  it.each([
    ["getCustomer", "..", "Invalid Customer ID"],
    ["getCustomer", "%2e%2e", "Invalid Customer ID"],
    ["deleteCustomer", "../upload/x", "Invalid Customer ID"],
    ["updateCustomer", `${CUSTOMER_ID}${"0".repeat(300)}`, "Invalid Customer ID"],
    ["getUpload", "../customers", "Invalid upload ID"],
    ["cancelUpload", "", "Invalid upload ID"],
  ] as const)("%s(%j) fails with 400 before any request", async (method, id, message) => {
    const { client, requests } = setup([json(200, {})]);
    const error = await failure(client[method](id, {} as never));
    expect([error.status, error.code, error.message]).toEqual([400, "bad_request", message]);
    expect(requests).toHaveLength(0);
  });

  it("refuses a bad query or region before any request", async () => {
    const { client, requests } = setup([json(200, {})]);
    expect((await failure(client.listCustomers({ limit: 501 }))).message).toBe(
      "Limit cannot be more than 500",
    );
    expect((await failure(client.getCustomer(CUSTOMER_ID, { region: "us" as never }))).status).toBe(400);
    expect(requests).toHaveLength(0);
  });
});

describe("responses", () => {
  it.each([
    ["uploadCustomers", [examples.uploadRequest], examples.uploadResponse],
    ["getUpload", [UPLOAD_ID], examples.getUploadResponse],
    ["cancelUpload", [UPLOAD_ID], examples.cancelUploadResponse],
    ["listCustomers", [{ limit: 100, offset: 0 }], examples.listCustomersResponse],
    ["createCustomer", [examples.createCustomerRequest], examples.createCustomerResponse],
    ["getCustomer", [CUSTOMER_ID], examples.getCustomerResponse],
    ["updateCustomer", [CUSTOMER_ID, examples.updateCustomerRequest], examples.updateCustomerResponse],
    ["deleteCustomer", [CUSTOMER_ID], examples.deleteCustomerResponse],
  ] as const)("%s returns the parsed reference example", async (method, args, body) => {
    const { client } = setup([json(200, body)]);
    const call = client[method] as (...args: unknown[]) => Promise<unknown>;
    expect(await call(...args)).toEqual(body);
  });

  it.each([
    ["an HTML page", html(200)],
    ["an empty body", () => new Response("")],
    ["JSON of another shape", json(200, { success: true, customer: { id: CUSTOMER_ID } })],
    ["success: false with 200", json(200, { success: false, message: "nope" })],
  ])("answers 502 upstream_invalid_response to %s", async (_label, step) => {
    // An update's answer must be the customer; one read or deleted by id may come back as a marker instead.
    const { client } = setup([step]);
    const error = await failure(client.updateCustomer(CUSTOMER_ID, examples.updateCustomerRequest));
    expect([error.status, error.code]).toEqual([502, "upstream_invalid_response"]);
    expect(error.message).toBe("The Recapture API sent an answer we couldn't read. Please try again.");
  });

  it("logs a schema mismatch by path and message, never by value", async () => {
    const customer = { ...examples.getCustomerResponse.customer, vin: 987654321 };
    const { client } = setup([json(200, { success: true, customer })]);
    const cause = (await failure(client.updateCustomer(CUSTOMER_ID, examples.updateCustomerRequest)))
      .cause as Error;
    expect(cause.message).toContain("customer.vin");
    expect(cause.message).not.toContain("987654321");
  });
});

describe("error mapping", () => {
  const upstream = (message: string) => ({ success: false, message });

  it.each([
    [
      400,
      upstream("You must upload at least one customer"),
      400,
      "bad_request",
      "You must upload at least one customer",
    ],
    [400, upstream("Invalid Region"), 400, "bad_request", "Invalid Region"],
    [422, { error: "Missing required properties" }, 422, "bad_request", "Missing required properties"],
    [404, upstream("Invalid Customer ID"), 404, "not_found", "Invalid Customer ID"],
    [
      403,
      upstream("You don't have permission to access that customer"),
      403,
      "forbidden",
      "You don't have permission to access that customer",
    ],
    [404, {}, 404, "not_found", "That record doesn't exist in Recapture."],
    [
      401,
      upstream("Invalid API key"),
      502,
      "unauthorized",
      "The Recapture API did not accept the dashboard's API key. Ask an administrator to check it.",
    ],
    [
      500,
      upstream("SQLITE_BUSY: database is locked"),
      502,
      "upstream_error",
      "The Recapture API had a problem. Please try again.",
    ],
    [504, {}, 504, "upstream_timeout", "The Recapture API took too long to answer. Please try again."],
  ])("upstream %i %j → %i %s", async (status, body, ourStatus, code, message) => {
    const { client } = setup([json(status, body)]);
    const error = await failure(client.deleteCustomer(CUSTOMER_ID));
    expect([error.status, error.code, error.message]).toEqual([ourStatus, code, message]);
  });

  it.each([
    ["an HTML error page", html(400)],
    ["a message that is too long", json(400, { success: false, message: "x".repeat(201) })],
    ["a message with markup", json(400, { success: false, message: "<b>bad</b>" })],
    ["a message echoing the API key", json(400, { success: false, message: `Bad key ${API_KEY}` })],
  ])("replaces %s with a plain sentence", async (_label, step) => {
    const { client } = setup([step]);
    const error = await failure(client.deleteCustomer(CUSTOMER_ID));
    expect([error.status, error.message]).toEqual([400, "The Recapture API refused the request."]);
  });

  it("maps an HTML gateway page on a write to 502 without its text", async () => {
    const { client } = setup([html(502)]);
    const error = await failure(client.createCustomer(examples.createCustomerRequest));
    expect([error.status, error.code]).toEqual([502, "upstream_error"]);
    expect(JSON.stringify({ ...error, message: error.message })).not.toMatch(/nginx|html/i);
  });
});

describe("retries", () => {
  it("retries a GET on 502, 503, 429 and network errors, then succeeds", async () => {
    const { client, requests } = setup([
      json(502, {}),
      json(503, {}),
      networkDown,
      json(200, examples.getCustomerResponse),
    ]);
    expect(await client.getCustomer(CUSTOMER_ID)).toEqual(examples.getCustomerResponse);
    expect(requests).toHaveLength(4);
  });

  it("gives up after 3 retries with the last failure", async () => {
    const { client, requests } = setup([json(503, {})]);
    const error = await failure(client.getUpload(UPLOAD_ID));
    expect([error.status, error.code]).toEqual([502, "upstream_error"]);
    expect(requests).toHaveLength(4);
  });

  it("answers 502 upstream_unreachable when the network stays down", async () => {
    const { client, requests } = setup([networkDown]);
    const error = await failure(client.listCustomers());
    expect([error.status, error.code]).toEqual([502, "upstream_unreachable"]);
    expect(error.message).toBe("We couldn't reach the Recapture API. Please try again in a moment.");
    expect(requests).toHaveLength(4);
  });

  it("honours maxRetries", async () => {
    const { client, requests } = setup([json(503, {})], { maxRetries: 1 });
    await failure(client.listCustomers());
    expect(requests).toHaveLength(2);
  });

  it.each([
    [500, {}],
    [504, {}],
    [404, { success: false, message: "Invalid Customer ID" }],
  ])("does not retry a %i", async (status, body) => {
    const { client, requests } = setup([json(status, body)]);
    await failure(client.getCustomer(CUSTOMER_ID));
    expect(requests).toHaveLength(1);
  });

  it.each([
    ["uploadCustomers", [examples.uploadRequest]],
    ["cancelUpload", [UPLOAD_ID]],
    ["createCustomer", [examples.createCustomerRequest]],
    ["updateCustomer", [CUSTOMER_ID, examples.updateCustomerRequest]],
    ["deleteCustomer", [CUSTOMER_ID]],
  ] as const)("never retries %s, whatever the failure", async (method, args) => {
    for (const step of [json(503, {}), json(429, {}, { "Retry-After": "1" }), networkDown]) {
      const { client, requests, waits } = setup([step, json(200, {})]);
      const call = client[method] as (...args: unknown[]) => Promise<unknown>;
      await failure(call(...args));
      expect(requests).toHaveLength(1);
      expect(waits).toEqual([]);
    }
  });
});

describe("waits between retries", () => {
  it("back off exponentially, with jitter between half and all of each step", async () => {
    const low = setup([json(503, {})], { random: () => 0 });
    await failure(low.client.listCustomers());
    expect(low.waits).toEqual([100, 200, 400]);

    const high = setup([json(503, {})], { random: () => 0.999_999 });
    await failure(high.client.listCustomers());
    high.waits.forEach((wait, attempt) => {
      expect(wait).toBeGreaterThan(190 * 2 ** attempt);
      expect(wait).toBeLessThan(200 * 2 ** attempt);
    });
  });

  it("honour Retry-After in seconds", async () => {
    const { client, waits } = setup([
      json(429, {}, { "Retry-After": "2" }),
      json(200, examples.getUploadResponse),
    ]);
    await client.getUpload(UPLOAD_ID);
    expect(waits).toEqual([2000]);
  });

  it("honour Retry-After as an HTTP date", async () => {
    const at = new Date(START + 3000).toUTCString();
    const { client, waits } = setup([
      json(503, {}, { "Retry-After": at }),
      json(200, examples.getUploadResponse),
    ]);
    await client.getUpload(UPLOAD_ID);
    expect(waits).toEqual([3000]);
  });

  it("honour Rate-Limit-Reset (Unix seconds) on a 429", async () => {
    const reset = String(START / 1000 + 4);
    const { client, waits } = setup([
      json(429, {}, { "Rate-Limit-Reset": reset }),
      json(200, examples.getUploadResponse),
    ]);
    await client.getUpload(UPLOAD_ID);
    expect(waits).toEqual([4000]);
  });

  it("ignore Rate-Limit-Reset on a 503, where it only dates the rate window", async () => {
    const reset = String(START / 1000 + 60);
    const { client, waits } = setup([
      json(503, {}, { "Rate-Limit-Reset": reset }),
      json(200, examples.getUploadResponse),
    ]);
    await client.getUpload(UPLOAD_ID);
    expect(waits).toEqual([150]);
  });

  it("never wait less than the backoff, even when the reset has passed", async () => {
    const { client, waits } = setup([
      json(429, {}, { "Retry-After": "0" }),
      json(200, examples.getUploadResponse),
    ]);
    await client.getUpload(UPLOAD_ID);
    expect(waits).toEqual([150]);
  });

  it(`give up at once, with the wait, when upstream asks for more than ${MAX_RETRY_WAIT_MS} ms`, async () => {
    const reset = String(START / 1000 + 60);
    const { client, requests, waits } = setup([json(429, {}, { "Rate-Limit-Reset": reset })]);
    const error = await failure(client.listCustomers());
    expect([error.status, error.code, error.retryAfterSeconds]).toEqual([429, "rate_limited", 60]);
    expect(requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it("retry a 429 read after its reset when that is a few seconds away; otherwise say when to try again", async () => {
    const soon = setup([json(429, {}, { "Retry-After": "5" }), json(200, examples.listCustomersResponse)]);
    await soon.client.listCustomers();
    expect(soon.waits).toEqual([5000]);

    const later = setup([json(429, {}, { "Retry-After": "8" })]);
    const error = await failure(later.client.listCustomers());
    expect(later.requests).toHaveLength(1);
    expect(error.message).toBe("The Recapture API is busy. Try again in 8 seconds.");
  });

  it("say the API is busy without a time when a 429 names none", async () => {
    const { client } = setup([json(429, {})], { maxRetries: 0 });
    expect((await failure(client.listCustomers())).message).toBe(
      "The Recapture API is busy. Please wait a moment and try again.",
    );
  });

  it("stop retrying when the next wait would overrun the call's time budget", async () => {
    const { client, requests, waits } = setup([json(429, {}, { "Retry-After": "3" })], { timeoutMs: 7000 });
    const error = await failure(client.listCustomers());
    expect([error.status, error.retryAfterSeconds]).toEqual([429, 3]);
    expect(waits).toEqual([3000, 3000]);
    expect(requests).toHaveLength(3);
  });
});

describe("timeout", () => {
  it("answers 504 when upstream never answers, aborts the request and does not retry", async () => {
    const { client, requests } = setup([hang], { timeoutMs: 30, sleep: undefined, now: undefined });
    const error = await failure(client.getCustomer(CUSTOMER_ID));
    expect([error.status, error.code]).toEqual([504, "upstream_timeout"]);
    expect(error.message).toBe("The Recapture API took too long to answer. Please try again.");
    expect(requests).toHaveLength(1);
    expect(requests[0]!.signal.aborted).toBe(true);
  });

  it("answers 504 when the headers arrive but the body never finishes", async () => {
    const stalled: Step = () => new Response(new ReadableStream({ start() {} }), { status: 200 });
    const { client } = setup([stalled], { timeoutMs: 30, sleep: undefined, now: undefined });
    expect((await failure(client.createCustomer(examples.createCustomerRequest))).status).toBe(504);
  });

  it("covers the waits between retries too", async () => {
    const { client, requests } = setup([json(503, {}), hang], {
      timeoutMs: 400,
      random: () => 0,
      sleep: undefined,
      now: undefined,
    });
    const startedAt = Date.now();
    expect((await failure(client.listCustomers())).code).toBe("upstream_timeout");
    expect(Date.now() - startedAt).toBeLessThan(1000);
    expect(requests).toHaveLength(2);
  });

  describe("of an upload, with onLateAnswer", () => {
    const answerAfter =
      (ms: number, step: Step): Step =>
      (request) =>
        new Promise((resolve) => setTimeout(() => resolve(step(request)), ms));

    it("answers 504 on time, then reports the API's late answer without aborting the request", async () => {
      const { client, requests } = setup([answerAfter(80, json(202, examples.uploadResponse))], {
        timeoutMs: 30,
        sleep: undefined,
        now: undefined,
      });
      const late: unknown[] = [];
      const error = await failure(
        client.uploadCustomers(examples.uploadRequest, { onLateAnswer: (answer) => late.push(answer) }),
      );
      expect(error.code).toBe("upstream_timeout");
      expect(late).toEqual([]);
      await expect.poll(() => late).toEqual([examples.uploadResponse]);
      expect(requests[0]!.signal.aborted).toBe(false);
    });

    it("reports no answer when the late one is a failure", async () => {
      const { client } = setup([answerAfter(60, json(503, {}))], {
        timeoutMs: 30,
        sleep: undefined,
        now: undefined,
      });
      const late: unknown[] = [];
      await failure(client.uploadCustomers(examples.uploadRequest, { onLateAnswer: (a) => late.push(a) }));
      await expect.poll(() => late).toEqual([undefined]);
    });

    it("gives up and aborts after four more timeouts, reporting no answer", async () => {
      const hangUntilAborted: Step = (request) =>
        new Promise((_, reject) =>
          request.signal.addEventListener("abort", () => reject(request.signal.reason)),
        );
      const { client, requests } = setup([hangUntilAborted], {
        timeoutMs: 20,
        sleep: undefined,
        now: undefined,
      });
      const late: unknown[] = [];
      const startedAt = Date.now();
      await failure(client.uploadCustomers(examples.uploadRequest, { onLateAnswer: (a) => late.push(a) }));
      expect(requests[0]!.signal.aborted).toBe(false);
      await expect.poll(() => late).toEqual([undefined]);
      expect(requests[0]!.signal.aborted).toBe(true);
      expect(Date.now() - startedAt).toBeGreaterThanOrEqual(95);
    });
  });
});
