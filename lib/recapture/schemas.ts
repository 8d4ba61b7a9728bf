import { z } from "zod";
import { REGIONS } from "@/lib/recapture/regions";
import { UPLOAD_NAME_MAX_LENGTH } from "@/lib/recapture/upload-name";

/**
 * Every request and response of the Recapture API (../shared/recapture-api.md),
 * defined once and shared by the browser (forms, query functions) and the
 * server (route handlers, the client). No server-only imports here.
 *
 * Request schemas carry the checks worth making before anything goes
 * upstream: types, the rules the reference documents (at least one customer;
 * a rego or a VIN; real dates) and the monitor window running forwards. Their
 * messages show on form fields, so they are written for dealership staff.
 * Response schemas are tolerant of extra fields and missing nullable ones,
 * and strict where the browser relies on a value (ids, dates, https links).
 */

export const regionSchema = z.enum(REGIONS, { error: `Region must be one of ${REGIONS.join(", ")}` });

// Ids end up in upstream URL paths, so anything but the 8-4-4-4-12 hex form is
// refused (`..`, `%2e%2e`, `../upload/x`, overlong strings). `guid` rather than
// `uuid` so ids outside the RFC version bits (seeded demo data) still pass.
export const uploadIdSchema = z.guid({ error: "Invalid upload ID" });
export const customerIdSchema = z.guid({ error: "Invalid Customer ID" });

// ---------------------------------------------------------------- requests

const DATE_MESSAGE = "Enter a real date as yyyy-mm-dd";
const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });

/** `yyyy-mm-dd` or a full ISO date-time; both forms reject impossible dates such as 2022-02-31. */
export function isRequestDate(value: string): boolean {
  return isoDate.safeParse(value).success || isoDateTime.safeParse(value).success;
}

export const requestDateSchema = z.string({ error: DATE_MESSAGE }).trim().refine(isRequestDate, DATE_MESSAGE);

/** Form inputs send "" for an untouched field; in a new customer or upload that means "not given". */
const optionalText = z
  .string({ error: "Must be text" })
  .trim()
  .transform((value) => value || undefined)
  .optional();

const optionalDate = z
  .string({ error: DATE_MESSAGE })
  .trim()
  .refine((value) => value === "" || isRequestDate(value), DATE_MESSAGE)
  .transform((value) => value || undefined)
  .optional();

export const additionalFieldsSchema = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean(), z.null()], {
    error: "Additional fields must be text, numbers, true/false or empty",
  }),
  { error: "Additional fields must be a map of names to values" },
);

type MonitorWindow = { monitor_start_date?: string | null; monitor_end_date?: string | null };

/** Adds an issue on `monitor_end_date` when the window ends before it starts. */
function checkMonitorWindow(window: MonitorWindow, ctx: z.core.$RefinementCtx<MonitorWindow>) {
  const { monitor_start_date: start, monitor_end_date: end } = window;
  if (start && end && Date.parse(end) < Date.parse(start)) {
    ctx.addIssue({
      code: "custom",
      path: ["monitor_end_date"],
      message: "The monitoring end date must be on or after the start date",
    });
  }
}

export const customerInputSchema = z
  .strictObject({
    rego: optionalText,
    state: optionalText,
    vin: optionalText,
    external_id: optionalText,
    sale_date: optionalDate,
    monitor_start_date: optionalDate,
    monitor_end_date: optionalDate,
    additional_fields: additionalFieldsSchema.optional(),
  })
  .superRefine((customer, ctx) => {
    if (!customer.rego && !customer.vin) {
      // The reference's wording first, so it matches what the API would say.
      ctx.addIssue({
        code: "custom",
        path: ["rego"],
        message: "Missing required properties: enter a rego or a VIN",
      });
    }
    checkMonitorWindow(customer, ctx);
  });
export type CustomerInput = z.infer<typeof customerInputSchema>;

export const uploadNameSchema = z
  .string({ error: "Give the upload a name" })
  .max(UPLOAD_NAME_MAX_LENGTH, `An upload name can be at most ${UPLOAD_NAME_MAX_LENGTH} characters`)
  .trim()
  .min(1, "Give the upload a name");

export const uploadRequestSchema = z
  .strictObject({
    name: uploadNameSchema,
    enable_rego_lookups: z.boolean({ error: "Rego lookups must be on or off" }).default(false),
    monitor_start_date: optionalDate,
    monitor_end_date: optionalDate,
    customers: z
      .array(customerInputSchema, { error: "Customers must be a list" })
      .min(1, "You must upload at least one customer"),
  })
  .superRefine(checkMonitorWindow);
export type UploadRequest = z.infer<typeof uploadRequestSchema>;

export const createCustomerRequestSchema = z.strictObject({
  enable_rego_lookups: z.boolean({ error: "Rego lookups must be on or off" }).default(false),
  customer: customerInputSchema,
});
export type CreateCustomerRequest = z.infer<typeof createCustomerRequestSchema>;

/** In a PATCH, "" or null clears the field, so both are kept and sent as they are. */
const clearableDate = z
  .union([z.literal(""), z.null(), requestDateSchema], { error: DATE_MESSAGE })
  .optional();

export const updateCustomerRequestSchema = z
  .strictObject({
    external_id: z.string({ error: "Must be text" }).trim().nullable().optional(),
    sale_date: clearableDate,
    monitor_start_date: clearableDate,
    monitor_end_date: clearableDate,
    additional_fields: additionalFieldsSchema.nullable().optional(),
  })
  .superRefine(checkMonitorWindow);
export type UpdateCustomerRequest = z.infer<typeof updateCustomerRequestSchema>;

/** Query parameters come from URLs, so numbers are coerced and an empty value counts as absent. */
const wholeNumber = (label: string) =>
  z.coerce.number({ error: `${label} must be a number` }).int(`${label} must be a whole number`);

const optionalParameter = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());

export const listCustomersQuerySchema = z.object({
  offset: optionalParameter(wholeNumber("Offset").min(0, "Offset cannot be negative")),
  limit: optionalParameter(
    wholeNumber("Limit").min(1, "Limit must be at least 1").max(500, "Limit cannot be more than 500"),
  ),
  upload_id: uploadIdSchema.optional(),
});
export type ListCustomersQuery = z.infer<typeof listCustomersQuerySchema>;

// --------------------------------------------------------------- responses

const nullableText = z.string().nullable().default(null);
const nullableDateTime = isoDateTime.nullable().default(null);

export const uploadSchema = z.object({
  id: uploadIdSchema,
  created_at: isoDateTime,
  enable_rego_lookups: z.boolean(),
  name: nullableText,
  total_uploaded_customers: z.number().int().nonnegative(),
  total_processed_customers: z.number().int().nonnegative(),
  total_errors: z.number().int().nonnegative(),
});
export type Upload = z.infer<typeof uploadSchema>;

export const sightingSchema = z.object({
  at: isoDateTime,
  lead_id: z.string(),
  // Rendered as a link in the browser: only http(s), never `javascript:`.
  listing_url: z.url({ protocol: /^https?$/ }),
  listing_title: nullableText,
  listing_price: z.number().nullable().default(null),
  seller_type: z.enum(["private", "dealer"]).nullable().default(null),
});
export type Sighting = z.infer<typeof sightingSchema>;

export const customerSchema = z.object({
  id: customerIdSchema,
  last_updated: isoDateTime,
  rego: nullableText,
  state: nullableText,
  vin: nullableText,
  external_id: nullableText,
  sale_date: nullableDateTime,
  monitor_start_date: nullableDateTime,
  monitor_end_date: nullableDateTime,
  vehicle_title: nullableText,
  sightings: z.array(sightingSchema).default([]),
  additional_fields: z.record(z.string(), z.unknown()).nullable().default(null),
});
export type Customer = z.infer<typeof customerSchema>;

export const uploadResponseSchema = z.object({ success: z.literal(true), upload: uploadSchema });
export type UploadResponse = z.infer<typeof uploadResponseSchema>;

export const customerResponseSchema = z.object({ success: z.literal(true), customer: customerSchema });
export type CustomerResponse = z.infer<typeof customerResponseSchema>;

export const customerListResponseSchema = z.object({
  success: z.literal(true),
  total: z.number().int().nonnegative(),
  customers: z.array(customerSchema),
});
export type CustomerListResponse = z.infer<typeof customerListResponseSchema>;

/** What the Recapture API answers on failure: `{ success: false, message }` (some gateways say `error`). */
export const upstreamErrorBodySchema = z.object({
  success: z.literal(false).optional(),
  message: z.string().optional(),
  error: z.string().optional(),
});
export type UpstreamErrorBody = z.infer<typeof upstreamErrorBodySchema>;

/** The dashboard's own error shape: every failing route under app/api answers with it. */
export const errorBodySchema = z.object({
  success: z.literal(false),
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
