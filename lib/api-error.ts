import { z } from "zod";

/**
 * The dashboard's own error shape: every failing route under app/api answers with it
 * (lib/server/http/errors.ts) and the browser reads it back (lib/queries/api.ts). Not the
 * Recapture API's, which lib/recapture/schemas.ts describes.
 */
export const errorBodySchema = z.object({
  success: z.literal(false),
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
