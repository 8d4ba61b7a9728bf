import "server-only";

/**
 * What the server can tell about where a request came from. `next start` builds
 * request.url from its own hostname (http://localhost:PORT), not from the
 * address the browser used, so the public origin comes from the Host header, or
 * the X-Forwarded-* headers a reverse proxy sets (Next fills them from the
 * socket when there is no proxy). A cross-site page cannot set these headers on
 * the victim's request, so they are safe to compare the Origin header with.
 */
const first = (value: string | null) => value?.split(",")[0]?.trim() || undefined;

export function isHttpsRequest(headers: Headers, url: URL): boolean {
  return (first(headers.get("x-forwarded-proto")) ?? url.protocol.replace(":", "")) === "https";
}

/** The origin the browser addressed, e.g. https://dashboard.dealer.com.au. */
export function publicOrigin(headers: Headers, url: URL): string {
  const host = first(headers.get("x-forwarded-host")) ?? headers.get("host") ?? url.host;
  return `${isHttpsRequest(headers, url) ? "https" : "http"}://${host}`;
}
