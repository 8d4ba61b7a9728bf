import { z } from "zod";
import { regionSchema } from "@/lib/recapture/schemas";

/**
 * Where the customer index stands, as GET /api/customers/index-status says
 * and the customers page shows it. `upToDateAt` is when the last complete
 * pass finished; until there is one the index can't answer for every
 * customer (`ready` false). `progress` is set while a pass reads the list;
 * `failure` when the last pass failed, with when the sync tries again.
 */
export const indexStatusSchema = z.object({
  region: regionSchema,
  customers: z.number().int().nonnegative(),
  ready: z.boolean(),
  upToDateAt: z.string().nullable(),
  progress: z
    .object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative().nullable() })
    .nullable(),
  failure: z.object({ message: z.string(), at: z.string(), retryAt: z.string().nullable() }).nullable(),
  /** Someone asked for a pass that hasn't started yet. */
  requested: z.boolean(),
});
export type IndexStatus = z.infer<typeof indexStatusSchema>;

export const indexStatusResponseSchema = z.object({ status: indexStatusSchema });
