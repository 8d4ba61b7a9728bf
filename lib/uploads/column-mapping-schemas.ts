import { z } from "zod";
import { columnMappingSchema } from "@/lib/csv/column-mapping";
import { personSchema } from "@/lib/uploads/register-schemas";

/**
 * Column mappings shared by the dealership, as the routes under app/api/column-mappings
 * take and give them. No server-only imports here: the wizard uses them too.
 */

/** The widest file whose mapping is shared; a wider export is mapped afresh each time. */
export const MAX_SHARED_MAPPING_COLUMNS = 500;
const MAX_HEADER_LENGTH = 300;

const headersSchema = z
  .array(z.string().max(MAX_HEADER_LENGTH, `A column name has at most ${MAX_HEADER_LENGTH} characters`))
  .min(1, "Give the file's column names")
  .max(MAX_SHARED_MAPPING_COLUMNS, `A shared mapping has at most ${MAX_SHARED_MAPPING_COLUMNS} columns`);

/** Whether a file's headers can have a shared mapping at all. */
export function canShareMapping(headers: readonly string[]): boolean {
  return headersSchema.safeParse(headers).success;
}

export const findColumnMappingRequestSchema = z.object({ headers: headersSchema });
export type FindColumnMappingRequest = z.infer<typeof findColumnMappingRequestSchema>;

export const saveColumnMappingRequestSchema = z
  .object({
    headers: headersSchema,
    mapping: z.array(columnMappingSchema).max(MAX_SHARED_MAPPING_COLUMNS),
  })
  .refine(({ headers, mapping }) => headers.length === mapping.length, {
    message: "Give one mapping for each column",
    path: ["mapping"],
  });
export type SaveColumnMappingRequest = z.infer<typeof saveColumnMappingRequestSchema>;

/** A mapping someone saved for these headers, with who and when. */
export const sharedColumnMappingSchema = z.object({
  mapping: z.array(columnMappingSchema),
  savedBy: personSchema,
  savedAt: z.iso.datetime({ offset: true }),
});
export type SharedColumnMapping = z.infer<typeof sharedColumnMappingSchema>;

export const sharedColumnMappingResponseSchema = z.object({
  success: z.literal(true),
  saved: sharedColumnMappingSchema.nullable(),
});
