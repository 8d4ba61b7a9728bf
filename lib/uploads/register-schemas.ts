import { z } from "zod";
import { regionSchema, uploadIdSchema } from "@/lib/recapture/schemas";

/**
 * The register of uploads as the browser and the wizard see it: requests and
 * responses of the routes under app/api/uploads, shared by the handlers, the
 * query factories and the tests. No server-only imports here.
 */

const isoDateTime = z.iso.datetime({ offset: true });
const count = z.number().int().nonnegative();

export const personSchema = z.object({ email: z.string(), name: z.string().nullable() });
export type Person = z.infer<typeof personSchema>;

/** One upload the Recapture API knows, with the counters it last reported. */
export const uploadPartSchema = z.object({
  id: uploadIdSchema,
  name: z.string().nullable(),
  region: regionSchema,
  /** 1-based position in its batch; 1 for an upload sent in one piece. */
  partNumber: z.number().int().positive(),
  enableRegoLookups: z.boolean(),
  createdAt: isoDateTime,
  totalUploaded: count,
  totalProcessed: count,
  totalErrors: count,
  /** When the counters were last read from the API. */
  checkedAt: isoDateTime,
  cancelledAt: isoDateTime.nullable(),
  cancelledBy: personSchema.nullable(),
});
export type UploadPart = z.infer<typeof uploadPartSchema>;

/** The file a batch of parts came from, as the wizard counted it. */
export const uploadFileSchema = z.object({
  name: z.string(),
  rowsInFile: count,
  rowsSent: count,
  rowsNotSent: count,
});
export type UploadFile = z.infer<typeof uploadFileSchema>;

/**
 * A line of the register: one upload, or the parts of one file sent as a
 * split upload. Its `id` is the first part's upload id, which is also where
 * its progress page lives.
 */
export const registeredUploadSchema = z.object({
  id: uploadIdSchema,
  name: z.string().nullable(),
  /** `demo`: the emulator's demo data, shown as history in emulator mode. */
  source: z.enum(["dashboard", "tracked", "demo"]),
  /** Who sent it from the dashboard, or who started tracking it; null for demo data. */
  recordedBy: personSchema.nullable(),
  recordedAt: isoDateTime,
  file: uploadFileSchema.nullable(),
  parts: z.array(uploadPartSchema).min(1),
});
export type RegisteredUpload = z.infer<typeof registeredUploadSchema>;

export const registeredUploadResponseSchema = z.object({
  success: z.literal(true),
  upload: registeredUploadSchema,
});

/** Query parameters of the register list; anything unreadable falls back to the first page of 25. */
export const registerPageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).catch(1),
  pageSize: z.coerce.number().int().min(1).max(500).catch(25),
});
export type RegisterPageQuery = z.infer<typeof registerPageQuerySchema>;

export const registerPageSchema = z.object({
  success: z.literal(true),
  total: count,
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  uploads: z.array(registeredUploadSchema),
});
export type RegisterPage = z.infer<typeof registerPageSchema>;

/**
 * What the wizard sends once every part of a file has been accepted by
 * POST /api/recapture/upload: the counts it showed the user, which must add
 * up, and the rows it did not send as a CSV file.
 */
export const recordBatchRequestSchema = z
  .strictObject({
    name: z.string({ error: "Give the upload a name" }).trim().min(1, "Give the upload a name"),
    fileName: z
      .string({ error: "Name the file" })
      .trim()
      .min(1, "Name the file")
      .max(255, "The file name is too long"),
    rowsInFile: count,
    sent: count,
    notSent: count,
    notSentCsv: z.string().optional(),
    uploadIds: z
      .array(uploadIdSchema, { error: "List the upload ids of the parts" })
      .min(1, "List the upload ids of the parts")
      .refine((ids) => new Set(ids).size === ids.length, "An upload id is listed twice"),
  })
  .superRefine((batch, ctx) => {
    if (batch.sent + batch.notSent !== batch.rowsInFile) {
      ctx.addIssue({
        code: "custom",
        path: ["rowsInFile"],
        message: `The counts don't add up: ${batch.sent} sent and ${batch.notSent} not sent, but ${batch.rowsInFile} rows in the file`,
      });
    }
    if (batch.notSent > 0 && !batch.notSentCsv) {
      ctx.addIssue({ code: "custom", path: ["notSentCsv"], message: "Include the file of rows not sent" });
    }
  });
export type RecordBatchRequest = z.infer<typeof recordBatchRequestSchema>;

export const trackUploadRequestSchema = z.strictObject({
  uploadId: z
    .string({ error: "Enter an upload id" })
    .trim()
    .pipe(z.guid({ error: "An upload id looks like 99aa2d8e-348b-4321-beeb-f2fa67bab3eb" })),
  region: regionSchema.optional(),
});
export type TrackUploadRequest = z.infer<typeof trackUploadRequestSchema>;
