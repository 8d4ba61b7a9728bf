import { z } from "zod";
import { HttpError, pathParam } from "@/lib/server/http";

const leadKeySchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export type LeadParams = { key: string };

/** The `[key]` path segment as a lead's key; anything else is a lead that doesn't exist. */
export function leadKeyParam(value: string): number {
  return pathParam(leadKeySchema, value, () => new HttpError(404, "not_found", "That lead doesn't exist."));
}
