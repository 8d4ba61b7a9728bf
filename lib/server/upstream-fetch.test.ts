import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upstreamFetch } from "./upstream-fetch";

let server: Server;
let base: string;
const seen: { method?: string; headers: Record<string, unknown>; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      seen.push({ method: req.method, headers: req.headers, body });
      if (req.url === "/empty") return res.writeHead(204).end();
      if (req.url === "/moved") return res.writeHead(302, { Location: "https://elsewhere.example/" }).end();
      if (req.url === "/slow") return void setTimeout(() => res.end("late"), 2_000);
      res.writeHead(201, { "Content-Type": "application/json", "Rate-Limit-Remaining": "9" });
      res.end(JSON.stringify({ success: true, echoed: body }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe("upstreamFetch", () => {
  it("sends the method, headers and body, and answers with status, headers and body", async () => {
    const response = await upstreamFetch(
      new Request(`${base}/v2/recapture/customers?region=au`, {
        method: "PUT",
        headers: { ApiKey: "k", "Content-Type": "application/json" },
        body: '{"customer":{"rego":"ZEN407"}}',
      }),
    );
    expect(response.status).toBe(201);
    expect(response.headers.get("rate-limit-remaining")).toBe("9");
    expect(await response.json()).toEqual({ success: true, echoed: '{"customer":{"rego":"ZEN407"}}' });
    expect(seen.at(-1)).toMatchObject({
      method: "PUT",
      headers: { apikey: "k", "content-type": "application/json" },
    });
  });

  it("gives a body-less status a null body", async () => {
    const response = await upstreamFetch(new Request(`${base}/empty`, { method: "DELETE" }));
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });

  it("does not follow a redirect", async () => {
    const response = await upstreamFetch(new Request(`${base}/moved`));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("https://elsewhere.example/");
  });

  it("gives up when the request's signal aborts", async () => {
    const started = Date.now();
    await expect(
      upstreamFetch(new Request(`${base}/slow`, { signal: AbortSignal.timeout(100) })),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});
