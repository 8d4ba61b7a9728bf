import { z } from "zod";
import { regionSchema, uploadIdSchema } from "@/lib/recapture/schemas";

/**
 * A question put to the customer index: search, filters, one sort and a page.
 * Shared by the server (lib/server/db/customer-index-search.ts) and whatever
 * builds the question from a URL or a form.
 */

export const INDEX_SORTS = ["newest_sighting", "sale_date", "rego", "last_updated"] as const;
export type IndexSort = (typeof INDEX_SORTS)[number];

export const SIGHTING_WITHIN_DAYS = [7, 30, 90] as const;

export const INDEX_PAGE_SIZE = { min: 25, max: 500 } as const;

/** Longer searches are cut: no term in the index is longer (see ./search-terms.ts). */
export const SEARCH_MAX_LENGTH = 100;

export const indexedCustomersQuerySchema = z.object({
  region: regionSchema,
  search: z.string().max(SEARCH_MAX_LENGTH).optional(),
  hasSightings: z.boolean().optional(),
  sightingWithinDays: z
    .number()
    .refine((days) => (SIGHTING_WITHIN_DAYS as readonly number[]).includes(days), {
      message: `Sightings within ${SIGHTING_WITHIN_DAYS.join(", ")} days`,
    })
    .optional(),
  state: z.string().max(40).optional(),
  uploadId: uploadIdSchema.optional(),
  sellerType: z.enum(["private", "dealer"]).optional(),
  monitoring: z.enum(["now", "ended"]).optional(),
  sort: z.enum(INDEX_SORTS),
  direction: z.enum(["asc", "desc"]),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(INDEX_PAGE_SIZE.min).max(INDEX_PAGE_SIZE.max),
});
export type IndexedCustomersQuery = z.infer<typeof indexedCustomersQuerySchema>;
