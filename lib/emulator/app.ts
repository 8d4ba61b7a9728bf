import { Hono, type Context } from "hono";
import { REGIONS, type Region } from "@/lib/recapture/regions";
import type { EmulatorContext } from "./context";
import { controlRoutes } from "./control";
import { customerRoutes } from "./customer-routes";
import { isoAt } from "./dates";
import { ApiError, errorJson, type ApiEnv } from "./http";
import { uploadRoutes } from "./upload-routes";

/**
 * The emulator as one fetch handler. Every API request passes, in order: the
 * journal, the per-key rate limit (whose headers go on every answer), the
 * faults, then authentication and region; the control endpoints bypass all four
 * so tests can always reach them, even while faults are on.
 */

function isRegion(value: string | undefined): value is Region {
  return (REGIONS as readonly (string | undefined)[]).includes(value);
}

function handleError(error: Error, c: Context) {
  if (error instanceof ApiError) return errorJson(c, error.status, error.message);
  console.error("[emulator] unexpected error", error);
  return errorJson(c, 500, "Internal Server Error");
}

export function createApp(ctx: EmulatorContext) {
  const { accounts, journal, rateLimiter, faults } = ctx;
  const callerAccount = (c: Context) => accounts.fromKey(c.req.header("ApiKey"));

  const api = new Hono<ApiEnv>()
    .onError(handleError)
    .use(async (c, next) => {
      journal.record(c.req.raw, callerAccount(c) ?? null, isoAt(ctx.now()));
      await next();
    })
    .use(async (c, next) => {
      // Requests without a valid key share one quota, so guessing keys is throttled too.
      const quota = rateLimiter.take(callerAccount(c) ?? "anonymous");
      c.header("Rate-Limit-Total", String(quota.total));
      c.header("Rate-Limit-Remaining", String(quota.remaining));
      c.header("Rate-Limit-Reset", String(quota.reset));
      if (!quota.allowed) {
        c.header("Retry-After", String(Math.max(1, quota.reset - Math.floor(ctx.now() / 1000))));
        return errorJson(c, 429, "Too many requests");
      }
      await next();
    })
    .use(faults.middleware)
    .use(async (c, next) => {
      const account = callerAccount(c);
      if (!account) throw new ApiError(401, c.req.header("ApiKey") ? "Invalid API key" : "Missing API key");
      const region = c.req.query("region");
      if (!isRegion(region)) throw new ApiError(400, "Invalid Region");
      c.set("account", account);
      c.set("region", region);
      await next();
    })
    .route("/upload", uploadRoutes(ctx))
    .route("/customers", customerRoutes(ctx));

  const app = new Hono().onError(handleError);
  app.notFound((c) => errorJson(c, 404, "Not Found"));
  if (ctx.options.control) app.route("/__emulator", controlRoutes(ctx));
  app.route("/v2/recapture", api);
  return app;
}
