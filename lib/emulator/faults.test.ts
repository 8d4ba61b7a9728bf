import { afterEach, describe, expect, it } from "vitest";
import { KEY_A, KEY_B, startEmulatorServer, type EmulatorServer } from "@/lib/testing/emulator-server";

const LIST = "/v2/recapture/customers?region=au";

let emulator: EmulatorServer | undefined;
afterEach(() => emulator?.close());

const setFaults = (server: EmulatorServer, faults: Record<string, unknown>) =>
  server.call("PUT", "/__emulator/faults", { body: faults });

describe("faults", () => {
  it("adds latency", async () => {
    emulator = await startEmulatorServer({ faults: { latencyMs: 150 } });
    const started = performance.now();
    expect((await emulator.call("GET", LIST)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("answers a share of requests with 500, 502 or 503 JSON errors", async () => {
    emulator = await startEmulatorServer();
    await setFaults(emulator, { errorRate: 1 });
    const statuses = new Set<number>();
    for (let i = 0; i < 20; i++) {
      const answer = await emulator.call("GET", LIST);
      statuses.add(answer.status);
      expect(answer.body).toMatchObject({ success: false });
      expect(answer.headers.get("Rate-Limit-Total")).toBe("600");
    }
    expect([...statuses].sort()).toEqual([500, 502, 503]);

    await setFaults(emulator, { errorRate: 0.5 });
    const failed = (await Promise.all(Array.from({ length: 40 }, () => emulator!.call("GET", LIST)))).filter(
      (a) => a.status >= 500,
    );
    expect(failed.length).toBeGreaterThan(5);
    expect(failed.length).toBeLessThan(35);
  });

  it("answers 429 with a reset time", async () => {
    emulator = await startEmulatorServer();
    await setFaults(emulator, { rateLimitRate: 1, rateLimitResetSeconds: 42 });
    const answer = await emulator.call("GET", LIST);
    expect(answer.status).toBe(429);
    expect(answer.body).toEqual({ success: false, message: "Too many requests" });
    expect(answer.headers.get("Rate-Limit-Remaining")).toBe("0");
    expect(answer.headers.get("Retry-After")).toBe("42");
    const reset = Number(answer.headers.get("Rate-Limit-Reset"));
    expect(reset - Date.now() / 1000).toBeGreaterThan(40);
    expect(reset - Date.now() / 1000).toBeLessThan(44);
  });

  it("hangs longer than the client waits, and gives up with 504 after hangMs", async () => {
    emulator = await startEmulatorServer();
    await setFaults(emulator, { hangRate: 1, hangMs: 60_000 });
    await expect(emulator.call("GET", LIST, { signal: AbortSignal.timeout(200) })).rejects.toThrow();
    await setFaults(emulator, { hangRate: 1, hangMs: 100 });
    const answer = await emulator.call("GET", LIST);
    expect(answer.status).toBe(504);
    expect(answer.body).toEqual({ success: false, message: "Gateway Timeout" });
  });

  it("answers with an HTML error page instead of JSON", async () => {
    emulator = await startEmulatorServer({ faults: { htmlRate: 1 } });
    const answer = await emulator.call("GET", LIST);
    expect(answer.status).toBe(502);
    expect(answer.headers.get("content-type")).toMatch(/^text\/html/);
    expect(answer.body).toContain("<h1>502 Bad Gateway</h1>");
  });

  it("carries out a request and then loses its answer: the upload is queued, the client sees the connection drop", async () => {
    emulator = await startEmulatorServer();
    await setFaults(emulator, { dropResponseRate: 1, times: 1 });
    const upload = { name: "Lost answer", customers: [{ rego: "LOST01", state: "VIC" }] };
    await expect(emulator.call("POST", "/v2/recapture/upload?region=au", { body: upload })).rejects.toThrow();
    await expect.poll(async () => (await emulator!.call<{ total: number }>("GET", LIST)).body.total).toBe(1);
  });

  it("clears itself after `times` requests, and on DELETE", async () => {
    emulator = await startEmulatorServer();
    await setFaults(emulator, { errorRate: 1, times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await emulator.call("GET", LIST)).status);
    expect(statuses[0]).toBeGreaterThanOrEqual(500);
    expect(statuses[1]).toBeGreaterThanOrEqual(500);
    expect(statuses[2]).toBe(200);

    await setFaults(emulator, { htmlRate: 1 });
    expect((await emulator.call("DELETE", "/__emulator/faults")).body).toMatchObject({
      faults: { htmlRate: 0 },
    });
    expect((await emulator.call("GET", LIST)).status).toBe(200);
  });

  it("refuses unknown or out-of-range fault settings", async () => {
    emulator = await startEmulatorServer();
    for (const body of [{ errorRate: 2 }, { latency: 5 }, { hangMs: "long" }]) {
      const answer = await setFaults(emulator, body);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ success: false });
    }
  });
});

describe("rate limit", () => {
  it("answers 429 above the per-key quota, each key counted separately", async () => {
    emulator = await startEmulatorServer({ rateLimitPerMinute: 3 });
    const remaining = [];
    for (let i = 0; i < 3; i++)
      remaining.push((await emulator.call("GET", LIST)).headers.get("Rate-Limit-Remaining"));
    expect(remaining).toEqual(["2", "1", "0"]);
    const over = await emulator.call("GET", LIST, { key: KEY_A });
    expect(over.status).toBe(429);
    expect(over.body).toEqual({ success: false, message: "Too many requests" });
    expect(Number(over.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await emulator.call("GET", LIST, { key: KEY_B })).status).toBe(200);
  });
});
