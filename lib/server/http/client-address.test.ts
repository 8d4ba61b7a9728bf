import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import {
  CLIENT_ADDRESS_HEADER,
  clientAddress,
  resolveClientAddress,
  UNKNOWN_ADDRESS,
  watchClientAddresses,
} from "./client-address";

describe("resolveClientAddress", () => {
  it("with no proxy trusted, is the connection's address whatever X-Forwarded-For claims", () => {
    expect(resolveClientAddress(undefined, "192.0.2.1", 0)).toBe("192.0.2.1");
    expect(resolveClientAddress("203.0.113.9", "192.0.2.1", 0)).toBe("192.0.2.1");
  });

  it("with proxies trusted, is the entry the outermost trusted proxy appended", () => {
    // Client → proxy A (appends the client) → proxy B (appends A) → the dashboard.
    const chain = "198.51.100.7, 203.0.113.9, 10.0.0.2";
    expect(resolveClientAddress(chain, "10.0.0.3", 1)).toBe("10.0.0.2");
    expect(resolveClientAddress(chain, "10.0.0.3", 2)).toBe("203.0.113.9");
    // What the client wrote itself (198.51.100.7) is believed only if a third proxy was said to be there.
    expect(resolveClientAddress(chain, "10.0.0.3", 3)).toBe("198.51.100.7");
    expect(resolveClientAddress(chain, "10.0.0.3", 9)).toBe("198.51.100.7");
  });

  it("reads IPv4 clients of a dual-stack server as IPv4, bounds the length, and never answers empty", () => {
    expect(resolveClientAddress(undefined, "::ffff:127.0.0.1", 0)).toBe("127.0.0.1");
    expect(resolveClientAddress(undefined, "::1", 0)).toBe("::1");
    expect(resolveClientAddress("x".repeat(1000), "10.0.0.1", 1)).toHaveLength(64);
    expect(resolveClientAddress(" , ", undefined, 1)).toBe(UNKNOWN_ADDRESS);
  });
});

describe("watchClientAddresses", () => {
  it("stamps each request with the socket's address, over anything the client sent", async () => {
    expect(clientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.9" }))).toBe(UNKNOWN_ADDRESS);

    watchClientAddresses(0);
    const server = createServer((request, response) => {
      const headers = new Headers(request.headers as Record<string, string>);
      response.end(clientAddress(headers));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await fetch(`http://127.0.0.1:${port}/`, {
        headers: { [CLIENT_ADDRESS_HEADER]: "203.0.113.9", "X-Forwarded-For": "198.51.100.7" },
      });
      expect(await answer.text()).toBe("127.0.0.1");
    } finally {
      server.close();
    }
  });
});
