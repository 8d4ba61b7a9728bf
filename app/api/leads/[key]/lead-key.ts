import { leadKeySchema } from "@/lib/leads/lead-detail";
import { HttpError, pathParam } from "@/lib/server/http";

export type LeadParams = { key: string };

/** The `[key]` path segment as a lead's key; anything else is a lead that doesn't exist. */
export function leadKeyParam(value: string): number {
  return pathParam(leadKeySchema, value, () => new HttpError(404, "not_found", "That lead doesn't exist."));
}
