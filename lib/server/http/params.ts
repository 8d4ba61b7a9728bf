import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { regionSchema } from "@/lib/recapture/schemas";
import type { Region } from "@/lib/recapture/regions";
import { HttpError } from "./errors";

/** Reading the parameters of a request's path and query, refused with a readable error when malformed. */

/**
 * A path segment checked against its schema before it reaches a URL or a query; `invalid` is what the
 * route answers otherwise (a 400 for an upstream id, a 404 for an account that can't exist).
 */
export function pathParam<T>(schema: z.ZodType<T>, value: string, invalid: () => HttpError): T {
  const result = schema.safeParse(value);
  if (!result.success) throw invalid();
  return result.data;
}

/** A path id checked against the id format before any upstream URL is built. */
export function pathId<T>(schema: z.ZodType<T>, value: string, label: string): T {
  return pathParam(schema, value, () => new HttpError(400, "invalid_id", `That ${label} id is not valid.`));
}

/** `region` is optional on our routes (the configured one is the default) and must come from the allow-list. */
export function requestRegion(request: NextRequest): Region | undefined {
  const value = request.nextUrl.searchParams.get("region");
  if (value === null || value === "") return undefined;
  const result = regionSchema.safeParse(value);
  if (!result.success) {
    throw new HttpError(400, "invalid_region", result.error.issues[0]?.message ?? "Invalid region", {
      region: "Unknown region",
    });
  }
  return result.data;
}
