import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "./security-headers";

const scriptSources = (policy: string) =>
  policy
    .split("; ")
    .find((directive) => directive.startsWith("script-src "))!
    .split(" ")
    .slice(1);

describe("content security policy", () => {
  it("allows a page's inline scripts by its nonce, never by 'unsafe-inline'", () => {
    const nonce = newNonce();
    expect(scriptSources(contentSecurityPolicy(nonce))).toEqual(["'self'", `'nonce-${nonce}'`]);
    expect(scriptSources(contentSecurityPolicy())).toEqual(["'self'"]);
    expect(contentSecurityPolicy(nonce)).toContain("frame-ancestors 'none'");
  });

  it("gives every response a nonce of its own: 16 random bytes in base64", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
