import "server-only";
import type { RecaptureFetch } from "@/lib/server/recapture-client";

/**
 * Identical reads share one call to the Recapture API: a GET that arrives
 * while the same one (same API key, same URL, region included) is on its way
 * waits for that answer, and a successful answer is reused for `reuseMs`
 * afterwards. Twenty people opening the customers page at nine o'clock then
 * cost the dealership's allowance one call, not twenty.
 *
 * Writes are never shared, and each one (as it starts and as it ends) makes
 * every earlier read of its account and region stale, so a person always sees
 * their own edit, and an upload's new customers, on the next read. Per account
 * and region rather than per record: an edited customer also shows in every
 * list, and writes are rare next to reads.
 */

interface Answer {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
}

interface InFlight {
  /** The scope's write count when it started: a later write means it may predate that write. */
  writes: number;
  join(signal: AbortSignal): Promise<Answer>;
}

// Statuses whose responses cannot carry a body (the Response constructor refuses one).
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

function toResponse(answer: Answer): Response {
  return new Response(NULL_BODY_STATUSES.has(answer.status) ? null : answer.body, {
    status: answer.status,
    statusText: answer.statusText,
    headers: answer.headers,
  });
}

/** Account and region: what one write can make stale. */
function scopeOf(request: Request): string {
  return `${request.headers.get("ApiKey") ?? ""}\n${new URL(request.url).searchParams.get("region") ?? ""}`;
}

export function shareReads(fetch: RecaptureFetch, { reuseMs }: { reuseMs: number }): RecaptureFetch {
  const writesByScope = new Map<string, number>();
  const inFlight = new Map<string, InFlight>();
  const recent = new Map<string, { writes: number; expires: number; answer: Answer }>();

  const writesIn = (scope: string) => writesByScope.get(scope) ?? 0;
  const countWrite = (scope: string) => writesByScope.set(scope, writesIn(scope) + 1);

  /** One upstream call for every caller that joins it; cancelled only when all of them have given up. */
  function start(key: string, scope: string, request: Request): InFlight {
    const controller = new AbortController();
    const writes = writesIn(scope);
    const answer = fetch(new Request(request, { signal: controller.signal })).then(async (response) => ({
      status: response.status,
      statusText: response.statusText,
      headers: [...response.headers],
      body: await response.text(),
    }));
    let waiting = 0;
    const call: InFlight = {
      writes,
      join(signal) {
        waiting += 1;
        return new Promise<Answer>((resolve, reject) => {
          const leave = () => {
            waiting -= 1;
            if (waiting === 0) {
              if (inFlight.get(key) === call) inFlight.delete(key);
              controller.abort();
            }
            reject(signal.reason);
          };
          if (signal.aborted) return leave();
          signal.addEventListener("abort", leave, { once: true });
          answer.then(resolve, reject).finally(() => signal.removeEventListener("abort", leave));
        });
      },
    };
    inFlight.set(key, call);
    answer
      .then((settled) => {
        if (settled.status < 200 || settled.status > 299 || reuseMs === 0 || writesIn(scope) !== writes)
          return;
        const entry = { writes, expires: Date.now() + reuseMs, answer: settled };
        recent.set(key, entry);
        setTimeout(() => recent.get(key) === entry && recent.delete(key), reuseMs).unref?.();
      })
      .catch(() => undefined)
      .finally(() => inFlight.get(key) === call && inFlight.delete(key));
    return call;
  }

  return async (request) => {
    const scope = scopeOf(request);
    if (request.method !== "GET") {
      countWrite(scope);
      try {
        return await fetch(request);
      } finally {
        countWrite(scope);
      }
    }
    const key = `${scope}\n${request.url}`;
    const writes = writesIn(scope);
    const reused = recent.get(key);
    if (reused && reused.writes === writes && reused.expires > Date.now()) return toResponse(reused.answer);
    let call = inFlight.get(key);
    if (!call || call.writes !== writes) call = start(key, scope, request);
    return toResponse(await call.join(request.signal));
  };
}
