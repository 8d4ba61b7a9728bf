import { afterEach, describe, expect, it, vi } from "vitest";
import { shareReads } from "./recapture-reads";

const BASE = "https://api.example.test/v2/recapture";

/** An upstream whose answers the test releases, recording what reached it. */
function upstream() {
  const calls: { request: Request; answer: (status?: number, body?: unknown) => void }[] = [];
  const fetch = (request: Request) =>
    new Promise<Response>((resolve) =>
      calls.push({
        request,
        answer: (status = 200, body = { success: true, n: calls.length }) =>
          resolve(Response.json(body, { status, headers: { "Rate-Limit-Remaining": "599" } })),
      }),
    );
  return { calls, fetch };
}

const get = (path: string, { key = "key-a", signal }: { key?: string; signal?: AbortSignal } = {}) =>
  new Request(`${BASE}${path}`, { headers: { ApiKey: key }, signal });
const write = (method: string, path: string, key = "key-a") =>
  new Request(`${BASE}${path}`, { method, headers: { ApiKey: key }, body: "{}" });

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => vi.useRealTimers());

describe("shareReads", () => {
  it("answers identical GETs in flight together from one upstream call, each with its own response", async () => {
    const api = upstream();
    const fetch = shareReads(api.fetch, { reuseMs: 1000 });
    const pending = Array.from({ length: 10 }, () => fetch(get("/customers?region=au&limit=100")));
    await settle();
    expect(api.calls).toHaveLength(1);
    api.calls[0]!.answer();
    const responses = await Promise.all(pending);
    for (const response of responses) {
      expect(response.status).toBe(200);
      expect(response.headers.get("Rate-Limit-Remaining")).toBe("599");
      expect(await response.json()).toEqual({ success: true, n: 1 });
    }
  });

  it("never shares between URLs, regions or API keys", async () => {
    const api = upstream();
    const fetch = shareReads(api.fetch, { reuseMs: 1000 });
    void fetch(get("/customers?region=au&limit=100"));
    void fetch(get("/customers?region=au&limit=50"));
    void fetch(get("/customers?region=nz&limit=100"));
    void fetch(get("/customers?region=au&limit=100", { key: "key-b" }));
    await settle();
    expect(api.calls.map(({ request }) => `${request.headers.get("ApiKey")} ${request.url}`)).toEqual([
      `key-a ${BASE}/customers?region=au&limit=100`,
      `key-a ${BASE}/customers?region=au&limit=50`,
      `key-a ${BASE}/customers?region=nz&limit=100`,
      `key-b ${BASE}/customers?region=au&limit=100`,
    ]);
  });

  it("reuses a successful answer for the reuse window, then asks again", async () => {
    vi.useFakeTimers({ toFake: ["Date", "setTimeout"] });
    const api = upstream();
    const fetch = shareReads(api.fetch, { reuseMs: 1000 });
    const first = fetch(get("/upload/1?region=au"));
    await vi.waitFor(() => expect(api.calls).toHaveLength(1));
    api.calls[0]!.answer();
    await first;
    vi.advanceTimersByTime(900);
    expect(await (await fetch(get("/upload/1?region=au"))).json()).toEqual({ success: true, n: 1 });
    vi.advanceTimersByTime(200);
    void fetch(get("/upload/1?region=au"));
    await vi.waitFor(() => expect(api.calls).toHaveLength(2));
  });

  it("shares a failure in flight but never reuses it", async () => {
    const api = upstream();
    const fetch = shareReads(api.fetch, { reuseMs: 1000 });
    const both = [fetch(get("/customers?region=au")), fetch(get("/customers?region=au"))];
    await settle();
    api.calls[0]!.answer(503, { success: false });
    expect((await Promise.all(both)).map((response) => response.status)).toEqual([503, 503]);
    void fetch(get("/customers?region=au"));
    await settle();
    expect(api.calls).toHaveLength(2);
  });

  it("never shares writes, and after a write reads go upstream again, even one in flight during it", async () => {
    const api = upstream();
    const fetch = shareReads(api.fetch, { reuseMs: 1000 });
    const read = fetch(get("/customers/c1?region=au"));
    await settle();
    api.calls[0]!.answer();
    await read;

    const during = fetch(get("/customers/c1?region=au")); // reused: nothing written yet
    const writes = [
      fetch(write("PATCH", "/customers/c1?region=au")),
      fetch(write("PATCH", "/customers/c1?region=au")),
    ];
    const duringWrite = fetch(get("/customers?region=au"));
    await settle();
    expect(api.calls.map(({ request }) => request.method)).toEqual(["GET", "PATCH", "PATCH", "GET"]);
    api.calls[3]!.answer(); // a list read while the edit was on its way: must not be reused
    await duringWrite;
    api.calls[1]!.answer();
    api.calls[2]!.answer();
    await Promise.all([during, ...writes]);

    void fetch(get("/customers/c1?region=au"));
    void fetch(get("/customers?region=au"));
    void fetch(get("/customers?region=nz"));
    await settle();
    expect(api.calls).toHaveLength(7);
  });

  it("keeps a write of one account or region from touching another's reads", async () => {
    const api = upstream();
    const fetch = shareReads(api.fetch, { reuseMs: 1000 });
    const read = fetch(get("/customers?region=au"));
    await settle();
    api.calls[0]!.answer();
    await read;
    void fetch(write("PUT", "/customers?region=nz"));
    void fetch(write("PUT", "/customers?region=au", "key-b"));
    await fetch(get("/customers?region=au"));
    expect(api.calls).toHaveLength(3);
  });

  it("cancels the upstream call only when every caller has given up", async () => {
    const api = upstream();
    const fetch = shareReads(api.fetch, { reuseMs: 1000 });
    const [one, two] = [new AbortController(), new AbortController()];
    const first = fetch(get("/customers?region=au", { signal: one.signal }));
    const second = fetch(get("/customers?region=au", { signal: two.signal }));
    await settle();
    one.abort();
    await expect(first).rejects.toBeDefined();
    expect(api.calls[0]!.request.signal.aborted).toBe(false);
    two.abort();
    await expect(second).rejects.toBeDefined();
    expect(api.calls[0]!.request.signal.aborted).toBe(true);

    void fetch(get("/customers?region=au"));
    await settle();
    expect(api.calls).toHaveLength(2);
  });

  it("with no reuse window, still shares what is in flight", async () => {
    const api = upstream();
    const fetch = shareReads(api.fetch, { reuseMs: 0 });
    const both = [fetch(get("/customers?region=au")), fetch(get("/customers?region=au"))];
    await settle();
    api.calls[0]!.answer();
    await Promise.all(both);
    void fetch(get("/customers?region=au"));
    await settle();
    expect(api.calls).toHaveLength(2);
  });
});
