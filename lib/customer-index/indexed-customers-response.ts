import { z } from "zod";
import { customerSchema } from "@/lib/recapture/schemas";

/**
 * What GET /api/customers answers: one page of the customer index, in the
 * API's Customer shape, and how many customers match on every page.
 */
export const indexedCustomersResponseSchema = z.object({
  total: z.number().int().nonnegative(),
  customers: z.array(customerSchema),
});
export type IndexedCustomersResponse = z.infer<typeof indexedCustomersResponseSchema>;

/** The error code of GET /api/customers until the index's first complete pass: page the API live instead. */
export const INDEX_NOT_READY = "index_not_ready";
