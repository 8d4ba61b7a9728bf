import { NextRequest } from "next/server";
import { beforeEach, expect, it, vi } from "vitest";
import { z } from "zod";
import { unreachableError } from "@/lib/recapture/errors";
import { SESSION_COOKIE, sealSessionToken } from "@/lib/server/auth/cookie";
import { createSession } from "@/lib/server/auth/sessions";
import { insertUser } from "@/lib/server/db/users";
import { describeEachEngine } from "@/lib/testing/database-engines";
import { createBodySlots } from "./large-body-slots";
import { readJson } from "./read-json";
import { route } from "./route";

vi.stubEnv("RECAPTURE_API_KEY", "");
vi.stubEnv("USER_RATE_LIMIT_BURST", "3");
vi.stubEnv("USER_RATE_LIMIT_PER_SECOND", "1");

const ORIGIN = "http://localhost:3000";
let cookies: Record<"viewer" | "staff", string>;

function call(
  handler: ReturnType<typeof route<{ id: string }>>,
  init: { method?: string; cookie?: string; headers?: Record<string, string>; body?: string },
) {
  const request = new NextRequest(`${ORIGIN}/api/things/7`, {
    method: init.method ?? "GET",
    body: init.body,
    headers: { host: "localhost:3000", ...(init.cookie ? { cookie: init.cookie } : {}), ...init.headers },
  });
  return handler(request, { params: Promise.resolve({ id: "7" }) });
}

const echo = route<{ id: string }>({ role: "staff" }, async ({ user, params }) =>
  Response.json({ email: user.email, id: params.id }),
);
// A constructed Request has no Content-Length of its own; one from the network always does (or is chunked).
const json = { origin: ORIGIN, "content-type": "application/json", "content-length": "2" };

describeEachEngine("route()", () => {
  beforeEach(async () => {
    // Each engine's run starts its accounts from id 1 again: their shares of the API start full too.
    delete (globalThis as { userRateLimiter?: unknown }).userRateLimiter;
    const cookieFor = async (role: "viewer" | "staff") => {
      const user = (await insertUser({ email: `${role}@dealer.test`, name: null, role, passwordHash: "x" }))!;
      return `${SESSION_COOKIE}=${await sealSessionToken(await createSession(user.id))}`;
    };
    cookies = { viewer: await cookieFor("viewer"), staff: await cookieFor("staff") };
  });

  it("answers 401 JSON without a session, whatever headers claim", async () => {
    const attempts: Record<string, string>[] = [
      {},
      { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
    ];
    for (const headers of attempts) {
      const response = await call(echo, { headers });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ success: false, error: { code: "unauthenticated" } });
    }
    expect((await call(echo, { cookie: `${SESSION_COOKIE}=forged` })).status).toBe(401);
  });

  it("answers 403 below the route's role, and runs the handler with the user and params otherwise", async () => {
    expect((await call(echo, { cookie: cookies.viewer })).status).toBe(403);
    const response = await call(echo, { cookie: cookies.staff });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ email: "staff@dealer.test", id: "7" });
  });

  it("lets any signed-in account through by default", async () => {
    const open = route<{ id: string }>({}, async () => new Response(null, { status: 204 }));
    expect((await call(open, { cookie: cookies.viewer })).status).toBe(204);
  });

  it("refuses a cross-origin write with 403 and a non-JSON write with 415, before the handler runs", async () => {
    const handler = vi.fn(async () => new Response(null, { status: 204 }));
    const write = route<{ id: string }>({ role: "staff" }, handler);
    const cross = await call(write, {
      method: "POST",
      cookie: cookies.staff,
      headers: { ...json, origin: "http://evil.example" },
      body: "{}",
    });
    expect(cross.status).toBe(403);
    const plain = await call(write, {
      method: "POST",
      cookie: cookies.staff,
      headers: { origin: ORIGIN, "content-type": "text/plain", "content-length": "2" },
      body: "{}",
    });
    expect(plain.status).toBe(415);
    expect(handler).not.toHaveBeenCalled();
    expect(
      (await call(write, { method: "DELETE", cookie: cookies.staff, headers: { origin: ORIGIN } })).status,
    ).toBe(204);
  });

  it("turns what the handler throws into the one error shape", async () => {
    const strict = route<{ id: string }>({}, async ({ request }) =>
      Response.json(await readJson(request, z.object({ rego: z.string("Rego is required") }))),
    );
    const response = await call(strict, {
      method: "POST",
      cookie: cookies.viewer,
      headers: json,
      body: "{}",
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      success: false,
      error: { code: "invalid_input", message: "Rego is required", fields: { rego: "Rego is required" } },
    });
  });

  it("logs an upstream failure with the route it happened on", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const failing = route<{ id: string }>({}, async () => {
      throw unreachableError(new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } }));
    });
    expect((await call(failing, { cookie: cookies.viewer })).status).toBe(502);
    expect(log).toHaveBeenCalledWith(
      "GET /api/things/7 answered 502 (upstream_unreachable): We couldn't reach the Recapture API. Please try again in a moment. Reason: fetch failed (ECONNREFUSED)",
    );
    log.mockRestore();
  });

  it("counts each person's calls to a proxied route: 429 with Retry-After beyond their share, others unaffected", async () => {
    const proxied = route<{ id: string }>({ proxied: true }, async () => new Response(null, { status: 204 }));
    const local = route<{ id: string }>({}, async () => new Response(null, { status: 204 }));
    const statuses = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      statuses.push((await call(proxied, { cookie: cookies.viewer })).status);
      expect((await call(local, { cookie: cookies.viewer })).status).toBe(204);
    }
    expect(statuses).toEqual([204, 204, 204, 429]);
    const refused = await call(proxied, { cookie: cookies.viewer });
    expect(refused.headers.get("Retry-After")).toBe("1");
    expect((await refused.json()).error.message).toBe(
      "You are making requests faster than the dashboard allows one person. Try again in 1 second.",
    );
    expect((await call(proxied, { cookie: cookies.staff })).status).toBe(204);
  });

  it("holds a large body's slot until the handler has answered, and needs none for a small body", async () => {
    const slots = createBodySlots(1);
    let finish: (() => void) | undefined;
    const upload = route<{ id: string }>({ role: "staff", bodySlots: () => slots }, async ({ request }) => {
      if (request.headers.get("x-wait")) await new Promise<void>((resolve) => (finish = resolve));
      return new Response(null, { status: 202 });
    });
    const send = (length: number, wait = false) =>
      call(upload, {
        method: "POST",
        cookie: cookies.staff,
        headers: { ...json, "content-length": String(length), ...(wait ? { "x-wait": "1" } : {}) },
        body: "{}",
      });
    const first = send(20_000_000, true);
    await vi.waitFor(() => expect(finish).toBeDefined());
    const refused = await send(20_000_000);
    expect([refused.status, refused.headers.get("Retry-After")]).toEqual([429, "5"]);
    expect((await send(2)).status).toBe(202);
    finish!();
    expect((await first).status).toBe(202);
    expect((await send(20_000_000)).status).toBe(202);
  });
});
