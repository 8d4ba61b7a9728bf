import { describe, expect, it } from "vitest";
import { assertJsonBody, assertSameOrigin } from "./perimeter";
import { isHttpsRequest, publicOrigin } from "./request-info";

// How `next start` presents a request: its own URL, the browser's Host, and X-Forwarded-* it fills in.
const url = new URL("http://localhost:3000/api/users");
const headers = (values: Record<string, string>) => new Headers({ host: "localhost:3000", ...values });
const refuses = (values: Record<string, string>) =>
  expect(() => assertSameOrigin(headers(values), url)).toThrow(
    expect.objectContaining({ status: 403, code: "cross_origin" }),
  );
const accepts = (values: Record<string, string>) =>
  expect(() => assertSameOrigin(headers(values), url)).not.toThrow();

describe("same-origin check for writes", () => {
  it("accepts the app's own origin, or a browser saying same-origin", () => {
    accepts({ origin: "http://localhost:3000" });
    accepts({ origin: "http://localhost:3000", "sec-fetch-site": "same-origin" });
    accepts({ "sec-fetch-site": "same-origin" });
  });

  it("refuses other origins, Origin: null, and writes that prove neither", () => {
    refuses({ origin: "http://evil.example" });
    refuses({ origin: "http://localhost:3001" });
    refuses({ origin: "https://localhost:3000" });
    refuses({ origin: "null" });
    refuses({ origin: "null", "sec-fetch-site": "same-origin" });
    refuses({ origin: "http://localhost:3000", "sec-fetch-site": "cross-site" });
    refuses({ "sec-fetch-site": "same-site" });
    refuses({ "sec-fetch-site": "none" });
    refuses({});
  });

  it("compares with the address the browser used behind a reverse proxy, not the server's own URL", () => {
    const proxied = {
      host: "127.0.0.1:3000",
      "x-forwarded-host": "dash.dealer.com.au",
      "x-forwarded-proto": "https",
    };
    accepts({ ...proxied, origin: "https://dash.dealer.com.au" });
    refuses({ ...proxied, origin: "http://dash.dealer.com.au" });
    refuses({ ...proxied, origin: "http://localhost:3000" });
  });
});

describe("JSON-only writes", () => {
  const check = (values: Record<string, string>) => () => assertJsonBody(new Headers(values));

  it("accepts JSON, with or without a charset, and writes without a body", () => {
    expect(check({ "content-type": "application/json", "content-length": "2" })).not.toThrow();
    expect(check({ "content-type": "Application/JSON; charset=utf-8", "content-length": "2" })).not.toThrow();
    expect(check({ "content-type": "application/json", "transfer-encoding": "chunked" })).not.toThrow();
    expect(check({})).not.toThrow();
    expect(check({ "content-length": "0" })).not.toThrow();
  });

  it("refuses a body in any other type with 415, the ones HTML forms can send included", () => {
    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/jsonp",
    ]) {
      expect(check({ "content-type": type, "content-length": "2" }), type).toThrow(
        expect.objectContaining({ status: 415 }),
      );
    }
    expect(check({ "content-length": "2" })).toThrow(expect.objectContaining({ status: 415 }));
  });
});

describe("request info", () => {
  it("knows HTTPS from the URL or the proxy's X-Forwarded-Proto", () => {
    expect(isHttpsRequest(headers({}), url)).toBe(false);
    expect(isHttpsRequest(headers({ "x-forwarded-proto": "https" }), url)).toBe(true);
    expect(isHttpsRequest(headers({ "x-forwarded-proto": "https,http" }), url)).toBe(true);
    expect(isHttpsRequest(headers({}), new URL("https://dash.dealer.com.au/"))).toBe(true);
  });

  it("names the public origin from the forwarded host, else the Host header", () => {
    expect(publicOrigin(headers({}), url)).toBe("http://localhost:3000");
    expect(publicOrigin(headers({ host: "10.0.0.5:3000" }), url)).toBe("http://10.0.0.5:3000");
    expect(
      publicOrigin(headers({ "x-forwarded-host": "dash.dealer.com.au", "x-forwarded-proto": "https" }), url),
    ).toBe("https://dash.dealer.com.au");
  });
});
