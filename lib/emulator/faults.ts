import type { MiddlewareHandler } from "hono";
import { z } from "zod";
import { seededRandom } from "./random";

/**
 * Switchable failures, so the app's error handling can be exercised on demand:
 * what a slow, overloaded or misconfigured upstream really does. Each share is
 * a probability from 0 to 1, rolled independently per API request in the order
 * hang, HTML page, 429, 5xx, lost answer; latency applies to every request.
 */

const share = z.number().min(0).max(1);

export const faultSettingsSchema = z.strictObject({
  /** Added to every API response, in milliseconds. */
  latencyMs: z.number().int().min(0).max(600_000),
  /** Share of requests answered 500, 502 or 503 with a JSON error. */
  errorRate: share,
  /** Share of requests answered 429, as if the account's quota were spent. */
  rateLimitRate: share,
  /** Seconds until a faulted 429's quota resets (Rate-Limit-Reset and Retry-After). */
  rateLimitResetSeconds: z.number().int().min(1).max(86_400),
  /** Share of requests that hang for hangMs (longer than a client should wait), then get a 504. */
  hangRate: share,
  hangMs: z.number().int().min(0).max(600_000),
  /** Share of requests answered by a proxy's HTML 502 page instead of JSON. */
  htmlRate: share,
  /**
   * Share of requests carried out in full whose answer is then lost, as when a
   * connection drops after the API has done the work: the body breaks off, so a
   * client sees a network error although an upload was queued.
   */
  dropResponseRate: share,
  /** How many more API requests the faults apply to before clearing themselves; null = until cleared. */
  times: z.number().int().min(1).nullable(),
});

export type FaultSettings = z.infer<typeof faultSettingsSchema>;

const NO_FAULTS: FaultSettings = {
  latencyMs: 0,
  errorRate: 0,
  rateLimitRate: 0,
  rateLimitResetSeconds: 30,
  hangRate: 0,
  hangMs: 60_000,
  htmlRate: 0,
  dropResponseRate: 0,
  times: null,
};

const HTML_ERROR_PAGE = `<!DOCTYPE html>
<html><head><title>502 Bad Gateway</title></head>
<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>
`;

const SERVER_ERRORS = [
  [500, "Internal Server Error"],
  [502, "Bad Gateway"],
  [503, "Service Unavailable"],
] as const;

/**
 * The answer's status and headers, and a body that breaks off after its first
 * bytes: in process, reading it throws; over HTTP, the connection drops mid-answer.
 */
function brokenAnswer(answer: Response): Response {
  let sent = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (sent) {
        // A moment later, so a server has already sent the status line and the first bytes.
        await new Promise((resolve) => setTimeout(resolve, 20));
        controller.error(new Error("The connection was lost before the answer arrived"));
        return;
      }
      sent = true;
      controller.enqueue(new TextEncoder().encode('{"success":'));
    },
  });
  return new Response(body, { status: answer.status, headers: answer.headers });
}

function isActive(settings: FaultSettings): boolean {
  return (
    settings.latencyMs > 0 ||
    settings.errorRate > 0 ||
    settings.rateLimitRate > 0 ||
    settings.hangRate > 0 ||
    settings.htmlRate > 0 ||
    settings.dropResponseRate > 0
  );
}

export type Faults = ReturnType<typeof createFaults>;

export function createFaults(initial: Partial<FaultSettings>, seed: string, now: () => number) {
  const startSettings = { ...NO_FAULTS, ...initial };
  let settings = startSettings;
  let random = seededRandom(seed, "faults");
  /** Pending hangs, released on close so a server can stop without waiting them out. */
  const hangs = new Set<() => void>();

  function hang(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const release = () => {
        clearTimeout(timer);
        signal.removeEventListener("abort", release);
        hangs.delete(release);
        resolve();
      };
      const timer = setTimeout(release, ms);
      signal.addEventListener("abort", release);
      hangs.add(release);
    });
  }

  const middleware: MiddlewareHandler = async (c, next) => {
    if (!isActive(settings)) return next();
    const current = settings;
    if (current.times !== null)
      settings = current.times > 1 ? { ...current, times: current.times - 1 } : NO_FAULTS;

    if (current.latencyMs > 0) await hang(current.latencyMs, c.req.raw.signal);
    if (random() < current.hangRate) {
      await hang(current.hangMs, c.req.raw.signal);
      return c.json({ success: false, message: "Gateway Timeout" }, 504);
    }
    if (random() < current.htmlRate) return c.html(HTML_ERROR_PAGE, 502);
    if (random() < current.rateLimitRate) {
      const resetSeconds = Math.ceil(now() / 1000) + current.rateLimitResetSeconds;
      c.header("Rate-Limit-Remaining", "0");
      c.header("Rate-Limit-Reset", String(resetSeconds));
      c.header("Retry-After", String(current.rateLimitResetSeconds));
      return c.json({ success: false, message: "Too many requests" }, 429);
    }
    if (random() < current.errorRate) {
      const [status, message] =
        SERVER_ERRORS[Math.floor(random() * SERVER_ERRORS.length)] ?? SERVER_ERRORS[0];
      return c.json({ success: false, message }, status);
    }
    // Rolled only when set, so the other faults keep the random sequence they had before it existed.
    if (current.dropResponseRate > 0 && random() < current.dropResponseRate) {
      await next();
      c.res = brokenAnswer(c.res);
      return;
    }
    return next();
  };

  return {
    middleware,
    current: () => settings,
    /** Replaces the faults: unspecified settings go back to "no fault". */
    set(next: Partial<FaultSettings>) {
      settings = { ...NO_FAULTS, ...next };
    },
    /** Back to the faults the emulator started with, and the same random sequence. */
    reset() {
      settings = startSettings;
      random = seededRandom(seed, "faults");
    },
    releaseHangs() {
      for (const release of [...hangs]) release();
    },
  };
}

/** EMULATOR_FAULT_LATENCY_MS, EMULATOR_FAULT_ERROR_RATE, … : one variable per setting, named after it. */
export function faultsFromEnv(env: Record<string, string | undefined>): Partial<FaultSettings> {
  const faults: Record<string, number> = {};
  for (const key of Object.keys(NO_FAULTS)) {
    const name = `EMULATOR_FAULT_${key.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase()}`;
    const value = env[name]?.trim();
    if (!value) continue;
    const number = Number(value);
    if (Number.isNaN(number)) throw new Error(`${name} must be a number (got "${value}")`);
    faults[key] = number;
  }
  const parsed = faultSettingsSchema.partial().safeParse(faults);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`EMULATOR_FAULT_*: ${String(issue?.path[0])} ${issue?.message ?? "is invalid"}`);
  }
  return parsed.data;
}
