import "server-only";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import { isIPv4, type Socket } from "node:net";
import { env } from "@/lib/server/env";

/**
 * Where a request came from, for throttling sign-in and for the audit log.
 *
 * Route handlers never see the connection: NextRequest has no address, and
 * `next start` fills X-Forwarded-For from the socket only when the client did
 * not send one, so that header alone is whatever the client chose. The address
 * is therefore decided in Node's HTTP server, where the socket is still in
 * view, and handed on in a header of our own that is overwritten on every
 * request, so nothing a client sends can stand in for it.
 */
export const CLIENT_ADDRESS_HEADER = "x-recapture-client-address";

/** Said when the address could not be learned: one shared bucket, never one a client picked. */
export const UNKNOWN_ADDRESS = "unknown";

// Longer than any IPv6 address with a zone; a proxy configured wrongly could pass anything on.
const MAX_ADDRESS_LENGTH = 64;

/**
 * The client's address: each trusted proxy appended the address it was
 * connected from to X-Forwarded-For, so the client is the entry that many
 * places from the right, counting the socket as the last. Entries further left
 * were written by the client and are ignored. More proxies than entries means
 * the leftmost entry.
 */
export function resolveClientAddress(
  forwardedFor: string | undefined,
  socketAddress: string | undefined,
  trustedProxies: number,
): string {
  const hops = [
    ...(forwardedFor ?? "")
      .split(",")
      .map((hop) => hop.trim())
      .filter(Boolean),
    socketAddress || UNKNOWN_ADDRESS,
  ];
  const address = hops[Math.max(0, hops.length - 1 - trustedProxies)]!;
  return withoutIPv4Mapping(address).slice(0, MAX_ADDRESS_LENGTH);
}

/** A dual-stack server sees IPv4 clients as ::ffff:203.0.113.9; people know them as 203.0.113.9. */
function withoutIPv4Mapping(address: string): string {
  const mapped = /^::ffff:(.+)$/i.exec(address)?.[1];
  return mapped && isIPv4(mapped) ? mapped : address;
}

interface RequestStart {
  request: IncomingMessage;
  socket: Socket;
}

const holder = globalThis as typeof globalThis & { clientAddressWatch?: (message: unknown) => void };

/**
 * Stamps every request this process's HTTP server receives with its client's
 * address, before Next.js sees it. Called once at start-up (instrumentation.ts).
 */
export function watchClientAddresses(trustedProxies = env().TRUST_PROXY): void {
  if (holder.clientAddressWatch) return;
  holder.clientAddressWatch = (message) => {
    const { request, socket } = message as RequestStart;
    const forwardedFor = request.headers["x-forwarded-for"];
    request.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(
      Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor,
      socket.remoteAddress,
      trustedProxies,
    );
  };
  subscribe("http.server.request.start", holder.clientAddressWatch);
}

/**
 * The address stamped on this request. Believed only when this process does
 * the stamping: otherwise the header could have come from the client.
 */
export function clientAddress(headers: Headers): string {
  return (holder.clientAddressWatch && headers.get(CLIENT_ADDRESS_HEADER)) || UNKNOWN_ADDRESS;
}
