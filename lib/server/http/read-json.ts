import "server-only";
import type { z } from "zod";
import { HttpError } from "./errors";
import { formatCount } from "@/lib/format";

/** Enough for any form in the dashboard; routes that take uploads pass their own limit. */
export const DEFAULT_MAX_BYTES = 1024 * 1024;

/**
 * The request body parsed as JSON and validated: 413 when it is larger than
 * `maxBytes`, 400 when it is not JSON, 422 with field messages when it does not
 * fit the schema.
 */
export async function readJson<T>(
  request: Request,
  schema: z.ZodType<T>,
  options: { maxBytes?: number } = {},
): Promise<T> {
  const bytes = await readBody(request, options.maxBytes ?? DEFAULT_MAX_BYTES);
  // A ZodError thrown here becomes a 422 with `fields` in toErrorResponse().
  return schema.parse(parseJson(bytes.toString("utf8")));
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "malformed_json", "The request body is not valid JSON.");
  }
}

export const bodyTooLarge = (maxBytes: number, what = "The request") =>
  new HttpError(
    413,
    "body_too_large",
    `${what} is too large (the limit is ${formatCount(maxBytes / 1024)} KB).`,
  );

/**
 * Reads the body, stopping as soon as it passes the limit rather than buffering
 * whatever a client sends. `inspect` sees each chunk as it arrives, and is
 * awaited before the next; it may throw to stop reading there.
 */
export async function readBody(
  request: Request,
  maxBytes: number,
  inspect?: (chunk: Uint8Array) => void | Promise<void>,
): Promise<Buffer> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw bodyTooLarge(maxBytes);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    try {
      if (size > maxBytes) throw bodyTooLarge(maxBytes);
      await inspect?.(value);
    } catch (error) {
      await reader.cancel();
      throw error;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
