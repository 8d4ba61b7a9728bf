import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";
import type { Region } from "@/lib/recapture/regions";
import { describeIssue } from "./schemas";

/** Route-level plumbing shared by the API and the control endpoints. */

export type ApiEnv = { Variables: { account: string; region: Region } };

/** An expected failure, answered as `{ success: false, message }` with its status. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export function errorJson(c: Context, status: ContentfulStatusCode, message: string) {
  return c.json({ success: false, message }, status);
}

/** Parses the JSON body against a schema; malformed JSON or a wrong type is a 400, never a 500. */
export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let json: unknown;
  try {
    json = JSON.parse(await c.req.text());
  } catch {
    throw new ApiError(400, "Request body must be valid JSON");
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ApiError(400, issue ? describeIssue(issue) : "Invalid request body");
  }
  return result.data;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID path or query value in canonical lower case, or undefined when it is not a UUID. */
export function uuidOrUndefined(value: string | undefined): string | undefined {
  return value !== undefined && UUID.test(value) ? value.toLowerCase() : undefined;
}
