import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createEmulator, type EmulatorOptions } from "../emulator";

/** Test support: an emulator served over real HTTP on a free port, and a small client for it. */

export const KEY_A = "key-a";
export const KEY_B = "key-b";

export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export interface CallOptions {
  body?: unknown;
  /** The ApiKey header; null sends none. */
  key?: string | null;
  signal?: AbortSignal;
}

export async function startEmulatorServer(options: Partial<EmulatorOptions> = {}) {
  const emulator = createEmulator({
    db: ":memory:",
    apiKeys: [KEY_A, KEY_B],
    processRate: 0,
    control: true,
    ...options,
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve(
      { fetch: (request) => emulator.fetch(request), port: 0, hostname: "127.0.0.1" },
      () => resolve(started),
    );
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: CallOptions = {},
  ): Promise<ApiAnswer<T>> {
    const { body, key = KEY_A, signal } = options;
    const headers: Record<string, string> = {};
    if (key !== null) headers.ApiKey = key;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(`${url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      signal,
    });
    const text = await response.text();
    const isJson = response.headers.get("content-type")?.includes("application/json");
    return {
      status: response.status,
      headers: response.headers,
      body: (isJson ? JSON.parse(text) : text) as T,
    };
  }

  /** Polls an upload until every customer is processed. */
  async function waitForUpload(id: string, key = KEY_A, region = "au") {
    for (;;) {
      const { body } = await call<{
        upload: { total_uploaded_customers: number; total_processed_customers: number };
      }>("GET", `/v2/recapture/upload/${id}?region=${region}`, { key });
      if (body.upload.total_processed_customers === body.upload.total_uploaded_customers) return body.upload;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  return {
    url,
    call,
    waitForUpload,
    close: () =>
      new Promise<void>((resolve) => {
        emulator.close();
        server.close(() => resolve());
        // Drop idle keep-alive sockets so close() does not wait on them.
        if ("closeAllConnections" in server) server.closeAllConnections();
      }),
  };
}

export type EmulatorServer = Awaited<ReturnType<typeof startEmulatorServer>>;
