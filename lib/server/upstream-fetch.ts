import "server-only";
import { request, type Dispatcher } from "undici";

// Statuses whose responses cannot carry a body (the Response constructor refuses one).
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * The typed client's `fetch` for the live API, over undici's `request()`: the
 * same Request → Response contract, without global fetch's web-stream body
 * handling, which took about a fifth of the CPU of every proxied call
 * (measured with `npm run bench:proxy` and a CPU profile). Like the client asks
 * of fetch, redirects are not followed: a 3xx comes back as it is and the client
 * treats it as an error. The request's abort signal carries the client's timeout.
 */
export async function upstreamFetch(upstream: Request): Promise<Response> {
  const answer = await request(upstream.url, {
    method: upstream.method as Dispatcher.HttpMethod,
    headers: Object.fromEntries(upstream.headers),
    // As bytes: decoding an upload's megabytes to a string only for undici to encode them again blocks for nothing.
    body: upstream.body ? Buffer.from(await upstream.arrayBuffer()) : undefined,
    signal: upstream.signal,
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) {
    for (const item of Array.isArray(value) ? value : [value ?? ""]) headers.append(name, item);
  }
  const body = await answer.body.text();
  return new Response(NULL_BODY_STATUSES.has(answer.statusCode) ? null : body, {
    status: answer.statusCode,
    headers,
  });
}
