import "server-only";
import type { z } from "zod";
import { HttpError } from "./errors";
import { formatCount } from "@/lib/format";

/** Enough for any form in the dashboard; routes that take uploads pass their own limit. */
const DEFAULT_MAX_BYTES = 1024 * 1024;

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
  const text = await readText(request, options.maxBytes ?? DEFAULT_MAX_BYTES);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError(400, "malformed_json", "The request body is not valid JSON.");
  }
  // A ZodError thrown here becomes a 422 with `fields` in toErrorResponse().
  return schema.parse(body);
}

/** Reads the body, stopping as soon as it passes the limit rather than buffering whatever a client sends. */
async function readText(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = () =>
    new HttpError(
      413,
      "body_too_large",
      `The request is too large (the limit is ${formatCount(maxBytes / 1024)} KB).`,
    );
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
