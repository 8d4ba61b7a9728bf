import { z } from "zod";
import { DEFAULT_MAX_FILE_BYTES } from "@/lib/csv/decode";
import { regionSchema, uploadIdSchema, uploadNameSchema } from "@/lib/recapture/schemas";
import { UPLOAD_NAME_MAX_LENGTH } from "@/lib/recapture/upload-name";
import { SENT_PART_STATES } from "@/lib/uploads/sent-part-state";

/**
 * The register of uploads as the browser and the wizard see it: requests and
 * responses of the routes under app/api/uploads, shared by the handlers, the
 * query factories and the tests. No server-only imports here.
 */

const isoDateTime = z.iso.datetime({ offset: true });
const count = z.number().int().nonnegative();

/** Most parts one file can be sent in (50,000 customers a part by default, so far beyond any export). */
export const MAX_PARTS_PER_FILE = 1_000;
const MAX_FILE_NAME_LENGTH = 255;
/** Every row of the largest file the wizard accepts may come back as not sent, with its `problem` column. */
const MAX_NOT_SENT_CSV_LENGTH = 2 * DEFAULT_MAX_FILE_BYTES;
/** Sentences the register writes itself (why a part is not confirmed, what a check found). */
const MAX_NOTE_LENGTH = 500;

const name = z.string().max(UPLOAD_NAME_MAX_LENGTH);
const note = z.string().max(MAX_NOTE_LENGTH);

/** A part's own id: sent by the wizard as the Idempotency-Key, and written into each of its customers. */
export const partIdSchema = z.guid({ error: "A part id looks like 99aa2d8e-348b-4321-beeb-f2fa67bab3eb" });

export const personSchema = z.object({ email: z.string().max(320), name: z.string().max(200).nullable() });
export type Person = z.infer<typeof personSchema>;

/** One upload the Recapture API knows, with the counters it last reported. */
export const uploadPartSchema = z.object({
  id: uploadIdSchema,
  name: name.nullable(),
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
  name: z.string().max(MAX_FILE_NAME_LENGTH),
  rowsInFile: count,
  rowsSent: count,
  rowsNotSent: count,
});

/**
 * A part as the dashboard sent it, whether or not the API confirmed it (see
 * sent-part-state.ts). `customersFound` and `finding` are what the last check
 * saw upstream.
 */
export const sentPartSchema = z.object({
  id: partIdSchema,
  name,
  region: regionSchema,
  partNumber: z.number().int().positive(),
  customers: count,
  state: z.enum(SENT_PART_STATES),
  /** Why it is not confirmed: the failure that left its fate open. */
  reason: note.nullable(),
  finding: note.nullable(),
  customersFound: count.nullable(),
  /** The API's id for it, once an answer said; never known for a part whose answer was lost. */
  uploadId: uploadIdSchema.nullable(),
  sentBy: personSchema,
  sentAt: isoDateTime,
  checkedAt: isoDateTime.nullable(),
});
export type SentPart = z.infer<typeof sentPartSchema>;

export const sentPartResponseSchema = z.object({ success: z.literal(true), part: sentPartSchema });

/**
 * A line of the register: one upload, or the parts of one file sent as a
 * split upload. Its `id` is the first part's upload id, which is also where
 * its progress page lives; a line none of whose parts has an upload id (its
 * answer was lost) goes by its first part's own id instead.
 */
export const registeredUploadSchema = z.object({
  id: z.guid(),
  name: name.nullable(),
  /** `demo`: the emulator's demo data, shown as history in emulator mode. */
  source: z.enum(["dashboard", "tracked", "demo"]),
  /** Who sent it from the dashboard, or who started tracking it; null for demo data. */
  recordedBy: personSchema.nullable(),
  recordedAt: isoDateTime,
  file: uploadFileSchema.nullable(),
  /** The parts the API confirmed, with their counters. */
  parts: z.array(uploadPartSchema).max(MAX_PARTS_PER_FILE),
  /** Parts sent from the dashboard with no upload id (yet): sending, not confirmed, or checked. */
  sentParts: z.array(sentPartSchema).max(MAX_PARTS_PER_FILE),
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
  uploads: z.array(registeredUploadSchema).max(500),
});
export type RegisterPage = z.infer<typeof registerPageSchema>;

/**
 * What the wizard sends once every part of a file is queued (or found upstream):
 * the parts by their own ids, the counts it showed the user, which must add up,
 * and the rows it did not send as a CSV file.
 */
export const recordBatchRequestSchema = z
  .strictObject({
    name: uploadNameSchema,
    fileName: z
      .string({ error: "Name the file" })
      .max(MAX_FILE_NAME_LENGTH, "The file name is too long")
      .trim()
      .min(1, "Name the file"),
    rowsInFile: count,
    sent: count,
    notSent: count,
    notSentCsv: z.string().max(MAX_NOT_SENT_CSV_LENGTH, "The file of rows not sent is too large").optional(),
    partIds: z
      .array(partIdSchema, { error: "List the ids of the parts" })
      .min(1, "List the ids of the parts")
      .max(MAX_PARTS_PER_FILE, `A file can be sent in at most ${MAX_PARTS_PER_FILE} parts`)
      .refine((ids) => new Set(ids).size === ids.length, "A part id is listed twice"),
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
    .max(100, "An upload id looks like 99aa2d8e-348b-4321-beeb-f2fa67bab3eb")
    .trim()
    .pipe(z.guid({ error: "An upload id looks like 99aa2d8e-348b-4321-beeb-f2fa67bab3eb" })),
  region: regionSchema.optional(),
});
export type TrackUploadRequest = z.infer<typeof trackUploadRequestSchema>;
