import "server-only";
import { z } from "zod";
import {
  invalidInputError,
  invalidResponseError,
  timeoutError,
  unreachableError,
  upstreamStatusError,
} from "@/lib/recapture/errors";
import { stringifyInSlices } from "@/lib/server/json-in-slices";
import type { Region } from "@/lib/recapture/regions";
import {
  customerIdSchema,
  customerListResponseSchema,
  customerEntryResponseSchema,
  customerResponseSchema,
  listCustomersQuerySchema,
  regionSchema,
  uploadIdSchema,
  uploadResponseSchema,
  type CreateCustomerRequest,
  type ListCustomersQuery,
  type UpdateCustomerRequest,
  type UploadRequest,
  type UploadResponse,
} from "@/lib/recapture/schemas";

/** Both the global `fetch` and the emulator's in-process handler fit. */
export type RecaptureFetch = (request: Request) => Promise<Response>;

export interface RecaptureClientOptions {
  baseUrl: string;
  apiKey: string;
  fetch: RecaptureFetch;
  /** Used when a call names no region. */
  region: Region;
  /** Budget for a whole call: every attempt and every wait between them. Default 15 s. */
  timeoutMs?: number;
  /** Retries of a GET after the first attempt. Default 3. */
  maxRetries?: number;
  // Injected by tests so waits are recorded instead of slept.
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

export interface CallOptions {
  region?: Region;
}

/** For a caller that paces its own reads (the customer sync): it sees every answer and retries itself. */
export interface PacedReadOptions extends CallOptions {
  /** Told the status and headers of each answer, retries included, e.g. to read `Rate-Limit-*`. */
  onAnswer?: (answer: { status: number; headers: Headers }) => void;
  /** Retries after the first attempt; default the client's own. */
  maxRetries?: number;
}

/**
 * How long a write that ran out of time is still listened to, in multiples of
 * `timeoutMs`: the caller has been told "timed out", but an answer arriving in
 * this window still says what happened upstream (an upload's id, say).
 */
export const LATE_ANSWER_TIMEOUTS = 4;

export interface WriteOptions<T> extends CallOptions {
  /**
   * Told once how a write that timed out ended: its answer when the API
   * accepted it late, or undefined when it failed or the window closed first.
   */
  onLateAnswer?: (answer: T | undefined) => void;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_RETRIES = 3;
/** First backoff is 100–200 ms, then 200–400 ms, then 400–800 ms. */
const BACKOFF_BASE_MS = 200;
/**
 * The longest single wait before a retry: a few seconds, as long as a person
 * waits for a page without wondering. When upstream asks for more (a rate
 * limit resetting in a minute), retrying sooner would only be refused again,
 * so the call fails at once with the 429 and its `retryAfterSeconds`, and the
 * page says when to try again, instead of holding the user's request open.
 */
export const MAX_RETRY_WAIT_MS = 5_000;
const RETRYABLE_STATUSES = new Set([429, 502, 503]);

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

const ID_SCHEMAS = { upload: uploadIdSchema, customers: customerIdSchema };

interface Call<T> {
  method: Method;
  resource: keyof typeof ID_SCHEMAS;
  id?: string;
  query?: ListCustomersQuery;
  body?: unknown;
  region?: Region;
  schema: z.ZodType<T>;
  // A method, so a Call<T> still fits where a Call<unknown> is read.
  onLateAnswer?(answer: T | undefined): void;
  onAnswer?(answer: { status: number; headers: Headers }): void;
  maxRetries?: number;
}

type Attempt = { response: Response; text: string } | { networkError: unknown };

/** Parses input the caller should already have validated; a failure here is the caller's bad request. */
function checked<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInputError(result.error.issues[0]?.message ?? "Invalid request");
  return result.data;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createRecaptureClient(options: RecaptureClientOptions) {
  const {
    apiKey,
    fetch,
    region: defaultRegion,
    timeoutMs = DEFAULT_TIMEOUT_MS,
    maxRetries = DEFAULT_MAX_RETRIES,
    sleep = realSleep,
    random = Math.random,
    now = Date.now,
  } = options;
  const base = new URL(options.baseUrl);

  /** The only place a URL is built: ids and the region are validated first, and every segment is encoded. */
  function urlFor(call: Call<unknown>): URL {
    const segments: string[] = [call.resource];
    if (call.id !== undefined) segments.push(encodeURIComponent(checked(ID_SCHEMAS[call.resource], call.id)));
    const url = new URL(base);
    url.pathname = `${base.pathname.replace(/\/+$/, "")}/v2/recapture/${segments.join("/")}`;
    url.search = "";
    url.searchParams.set("region", checked(regionSchema, call.region ?? defaultRegion));
    const query = call.query ? checked(listCustomersQuerySchema, call.query) : {};
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    return url;
  }

  async function send(
    url: URL,
    call: Call<unknown>,
    body: string | undefined,
    signal: AbortSignal,
  ): Promise<Attempt> {
    // Nothing of the incoming request (cookies, Host, X-Forwarded-*) is ever copied here.
    const headers: Record<string, string> = { ApiKey: apiKey, Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    try {
      const response = await fetch(
        new Request(url, {
          method: call.method,
          headers,
          body,
          signal,
          // A redirect would carry the ApiKey header to wherever it points.
          redirect: "error",
        }),
      );
      return { response, text: await response.text() };
    } catch (networkError) {
      return { networkError };
    }
  }

  /** How long upstream asked us to wait, in ms, if it said. */
  function requestedWait(response: Response): number | undefined {
    const retryAfter = response.headers.get("Retry-After")?.trim();
    if (retryAfter) {
      if (/^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
      const date = Date.parse(retryAfter);
      if (!Number.isNaN(date)) return Math.max(0, date - now());
    }
    // Rate-Limit-Reset comes on every answer and dates the rate window, so it only means "wait" on a 429.
    const reset = response.headers.get("Rate-Limit-Reset")?.trim();
    if (response.status === 429 && reset && /^\d+$/.test(reset))
      return Math.max(0, Number(reset) * 1000 - now());
    return undefined;
  }

  function backoff(attempt: number): number {
    const ceiling = BACKOFF_BASE_MS * 2 ** attempt;
    return ceiling / 2 + (random() * ceiling) / 2;
  }

  /** The wait before retrying `attempt`, or undefined when it must not be retried. */
  function retryWait(call: Call<unknown>, outcome: Attempt, attempt: number): number | undefined {
    // Writes are never repeated: one that failed on our side may still have been applied upstream,
    // and a second upload would queue the same customers twice.
    if (call.method !== "GET" || attempt >= (call.maxRetries ?? maxRetries)) return undefined;
    if ("networkError" in outcome) return backoff(attempt);
    if (!RETRYABLE_STATUSES.has(outcome.response.status)) return undefined;
    return Math.max(requestedWait(outcome.response) ?? 0, backoff(attempt));
  }

  function failure(outcome: Attempt) {
    if ("networkError" in outcome) return unreachableError(outcome.networkError);
    const wait = requestedWait(outcome.response);
    return upstreamStatusError(outcome.response.status, parseJson(outcome.text), {
      apiKey,
      retryAfterSeconds: wait === undefined ? undefined : Math.ceil(wait / 1000),
    });
  }

  function parseBody<T>(text: string, schema: z.ZodType<T>): T {
    const json = parseJson(text);
    if (json === undefined) throw invalidResponseError(new Error("The answer is not JSON"));
    const result = schema.safeParse(json);
    // Issue paths and messages only, for the server log: never the values themselves.
    if (!result.success) throw invalidResponseError(new Error(z.prettifyError(result.error)));
    return result.data;
  }

  /**
   * After a write timed out: keeps its request open for LATE_ANSWER_TIMEOUTS ×
   * timeoutMs more and reports how it ended.
   */
  function listenForLateAnswer<T>(attempt: Promise<Attempt>, call: Call<T>, controller: AbortController) {
    const closing = setTimeout(() => controller.abort(), timeoutMs * LATE_ANSWER_TIMEOUTS);
    void attempt.then((outcome) => {
      clearTimeout(closing);
      let answer: T | undefined;
      try {
        if ("response" in outcome && outcome.response.ok) answer = parseBody(outcome.text, call.schema);
      } catch {
        // An unreadable late answer says no more than no answer.
      }
      call.onLateAnswer?.(answer);
    });
  }

  /**
   * One call, its retries included, within a single `timeoutMs` budget. A
   * timeout is never retried: the budget is spent. A retry whose wait would
   * end past the budget is not attempted; the last failure is answered instead.
   */
  async function request<T>(call: Call<T>): Promise<T> {
    const url = urlFor(call);
    const body = call.body === undefined ? undefined : await stringifyInSlices(call.body);
    const deadline = now() + timeoutMs;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt: Promise<Attempt> | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(timeoutError());
        if (call.onLateAnswer && attempt) listenForLateAnswer(attempt, call, controller);
        else controller.abort();
      }, timeoutMs);
    });
    try {
      for (let attemptNumber = 0; ; attemptNumber += 1) {
        attempt = send(url, call, body, controller.signal);
        // Raced rather than trusting the signal alone: an in-process handler may ignore it.
        const outcome = await Promise.race([attempt, timedOut]);
        if ("response" in outcome) call.onAnswer?.(outcome.response);
        if ("response" in outcome && outcome.response.ok) return parseBody(outcome.text, call.schema);
        const wait = retryWait(call, outcome, attemptNumber);
        if (wait === undefined || wait > MAX_RETRY_WAIT_MS || now() + wait >= deadline)
          throw failure(outcome);
        await sleep(wait);
      }
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async uploadCustomers(body: UploadRequest, options?: WriteOptions<UploadResponse>) {
      return request({
        method: "POST",
        resource: "upload",
        body,
        region: options?.region,
        schema: uploadResponseSchema,
        onLateAnswer: options?.onLateAnswer,
      });
    },
    async getUpload(uploadId: string, options?: CallOptions) {
      return request({
        method: "GET",
        resource: "upload",
        id: uploadId,
        region: options?.region,
        schema: uploadResponseSchema,
      });
    },
    async cancelUpload(uploadId: string, options?: CallOptions) {
      return request({
        method: "DELETE",
        resource: "upload",
        id: uploadId,
        region: options?.region,
        schema: uploadResponseSchema,
      });
    },
    async listCustomers(query: ListCustomersQuery = {}, options?: PacedReadOptions) {
      return request({
        method: "GET",
        resource: "customers",
        query,
        region: options?.region,
        schema: customerListResponseSchema,
        onAnswer: options?.onAnswer,
        maxRetries: options?.maxRetries,
      });
    },
    async createCustomer(body: CreateCustomerRequest, options?: CallOptions) {
      return request({
        method: "PUT",
        resource: "customers",
        body,
        region: options?.region,
        schema: customerResponseSchema,
      });
    },
    async getCustomer(customerId: string, options?: CallOptions) {
      return request({
        method: "GET",
        resource: "customers",
        id: customerId,
        region: options?.region,
        schema: customerEntryResponseSchema,
      });
    },
    async updateCustomer(customerId: string, body: UpdateCustomerRequest, options?: CallOptions) {
      return request({
        method: "PATCH",
        resource: "customers",
        id: customerId,
        body,
        region: options?.region,
        schema: customerResponseSchema,
      });
    },
    async deleteCustomer(customerId: string, options?: CallOptions) {
      return request({
        method: "DELETE",
        resource: "customers",
        id: customerId,
        region: options?.region,
        schema: customerEntryResponseSchema,
      });
    },
  };
}

export type RecaptureClient = ReturnType<typeof createRecaptureClient>;
