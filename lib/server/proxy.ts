import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { regionSchema } from "@/lib/recapture/schemas";
import type { Region } from "@/lib/recapture/regions";
import { HttpError } from "@/lib/server/http";

/** Helpers shared by the route handlers under app/api/recapture, which mirror the upstream API. */

/** A path id checked against the id format before any upstream URL is built. */
export function pathId<T>(schema: z.ZodType<T>, value: string, label: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpError(400, "invalid_id", `That ${label} id is not valid.`);
  return result.data;
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
