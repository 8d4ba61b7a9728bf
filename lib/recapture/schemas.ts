import { z } from "zod";
import {
  CUSTOMER_RULE_MESSAGES,
  hasRegoOrVin,
  monitorWindowRunsForwards,
} from "@/lib/recapture/customer-rules";
import { REGIONS } from "@/lib/recapture/regions";
import { UPLOAD_NAME_MAX_LENGTH } from "@/lib/recapture/upload-name";

/**
 * Every request and response of the Recapture API (../shared/recapture-api.md),
 * defined once and shared by the browser (forms, query functions) and the
 * server (route handlers, the client). No server-only imports here.
 *
 * Request schemas carry the checks worth making before anything goes
 * upstream: types, the rules the reference documents (at least one customer;
 * a rego or a VIN; real dates), the monitor window running forwards and a
 * maximum length for every string. Their messages show on form fields, so
 * they are written for dealership staff.
 * Response schemas are tolerant of extra fields and missing nullable ones,
 * and strict where the browser relies on a value (ids, dates). One bad record
 * never costs the page: a listing link that isn't http(s) becomes `null`, and
 * a customer in a list that can't be read becomes an `UnreadableCustomer`,
 * each with one warning in the server log.
 */

export const regionSchema = z.enum(REGIONS, { error: `Region must be one of ${REGIONS.join(", ")}` });

// Ids end up in upstream URL paths, so anything but the 8-4-4-4-12 hex form is
// refused (`..`, `%2e%2e`, `../upload/x`, overlong strings). `guid` rather than
// `uuid` so ids outside the RFC version bits (seeded demo data) still pass.
export const uploadIdSchema = z.guid({ error: "Invalid upload ID" });
export const customerIdSchema = z.guid({ error: "Invalid Customer ID" });

// ---------------------------------------------------------------- requests

/**
 * The longest values a customer may carry, checked before anything is stored,
 * hashed, audited or sent. A state fits any served region's state or county
 * name ("Wilayah Persekutuan Kuala Lumpur"); a date fits an ISO date-time with
 * an offset and fractions of a second.
 */
export const CUSTOMER_LIMITS = {
  rego: 20,
  state: 40,
  vin: 17,
  external_id: 100,
  date: 40,
  additionalFieldName: 64,
  additionalFieldValue: 1000,
  additionalFields: 50,
} as const;

/** Field names as staff know them, for messages. */
const FIELD_NAMES = {
  rego: "A rego",
  state: "A state",
  vin: "A VIN",
  external_id: "An external ID",
} as const;
type LimitedText = keyof typeof FIELD_NAMES;

/** "A VIN has at most 17 characters": said on the form field and in the API's 422 alike. */
function tooLongMessage(field: LimitedText): string {
  return `${FIELD_NAMES[field]} has at most ${CUSTOMER_LIMITS[field]} characters`;
}

const DATE_MESSAGE = "Enter a real date as yyyy-mm-dd";
const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });

/** `yyyy-mm-dd` or a full ISO date-time; both forms reject impossible dates such as 2022-02-31. */
export function isRequestDate(value: string): boolean {
  return isoDate.safeParse(value).success || isoDateTime.safeParse(value).success;
}

// An overlong date is just not a date: one message, and no date parsing of a long string.
const dateText = z.string({ error: DATE_MESSAGE }).trim().max(CUSTOMER_LIMITS.date, DATE_MESSAGE);

export const requestDateSchema = dateText.refine(isRequestDate, DATE_MESSAGE);

const limitedText = (field: LimitedText) =>
  z.string({ error: "Must be text" }).trim().max(CUSTOMER_LIMITS[field], tooLongMessage(field));

/** Form inputs send "" for an untouched field; in a new customer or upload that means "not given". */
const optionalText = (field: LimitedText) =>
  limitedText(field)
    .transform((value) => value || undefined)
    .optional();

const optionalDate = dateText
  .refine((value) => value === "" || isRequestDate(value), DATE_MESSAGE)
  .transform((value) => value || undefined)
  .optional();

export const ADDITIONAL_FIELD_NAME_MESSAGE = `An additional field name has at most ${CUSTOMER_LIMITS.additionalFieldName} characters`;
export const TOO_MANY_ADDITIONAL_FIELDS_MESSAGE = `A customer has at most ${CUSTOMER_LIMITS.additionalFields} additional fields`;

/** Names the field whose value is too long: the name itself is at most 64 characters by then. */
export function additionalFieldValueMessage(name: string): string {
  return `Additional field "${name}" has at most ${CUSTOMER_LIMITS.additionalFieldValue.toLocaleString("en-AU")} characters`;
}

export const additionalFieldsSchema = z
  .record(
    z.string(),
    z.union([z.string(), z.number(), z.boolean(), z.null()], {
      error: "Additional fields must be text, numbers, true/false or empty",
    }),
    { error: "Additional fields must be a map of names to values" },
  )
  .superRefine((fields, ctx) => {
    const names = Object.keys(fields);
    if (names.length > CUSTOMER_LIMITS.additionalFields) {
      ctx.addIssue({ code: "custom", message: TOO_MANY_ADDITIONAL_FIELDS_MESSAGE });
    }
    for (const name of names) {
      const value = fields[name];
      // On the map as a whole: an overlong name is not repeated back as a field path.
      if (name.length > CUSTOMER_LIMITS.additionalFieldName) {
        ctx.addIssue({ code: "custom", message: ADDITIONAL_FIELD_NAME_MESSAGE });
      } else if (typeof value === "string" && value.length > CUSTOMER_LIMITS.additionalFieldValue) {
        ctx.addIssue({ code: "custom", path: [name], message: additionalFieldValueMessage(name) });
      }
    }
  });

type MonitorWindow = { monitor_start_date?: string | null; monitor_end_date?: string | null };

/** Adds an issue on `monitor_end_date` when the window ends before it starts. */
function checkMonitorWindow(window: MonitorWindow, ctx: z.core.$RefinementCtx<MonitorWindow>) {
  if (!monitorWindowRunsForwards(window.monitor_start_date, window.monitor_end_date)) {
    ctx.addIssue({
      code: "custom",
      path: ["monitor_end_date"],
      message: CUSTOMER_RULE_MESSAGES.monitorWindow.field,
    });
  }
}

export const customerInputSchema = z
  .strictObject({
    rego: optionalText("rego"),
    state: optionalText("state"),
    vin: optionalText("vin"),
    external_id: optionalText("external_id"),
    sale_date: optionalDate,
    monitor_start_date: optionalDate,
    monitor_end_date: optionalDate,
    additional_fields: additionalFieldsSchema.optional(),
  })
  .superRefine((customer, ctx) => {
    if (!hasRegoOrVin(customer.rego, customer.vin)) {
      ctx.addIssue({ code: "custom", path: ["rego"], message: CUSTOMER_RULE_MESSAGES.regoOrVin.field });
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
    external_id: limitedText("external_id").nullable().optional(),
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

const httpUrl = z.url({ protocol: /^https?$/ });

/** The scheme of a link that isn't http(s), for the log: never the link itself, which upstream wrote. */
function linkKind(url: unknown): string {
  if (typeof url !== "string") return `a ${typeof url}`;
  const scheme = /^([a-z][a-z0-9+.-]{0,20}):/i.exec(url)?.[1];
  return scheme ? `a ${scheme.toLowerCase()}: link` : "not a link";
}

/** Upstream text for a log line: one line, cut short. */
function forLog(text: string): string {
  return JSON.stringify(text.length > 64 ? `${text.slice(0, 64)}…` : text);
}

/**
 * A listing link the browser may render: only http(s), never `javascript:`. Anything
 * else leaves the sighting without a link, with one warning; null is that already
 * (the server's verdict, met again when the browser parses the server's answer).
 */
function listingLink(url: unknown, leadId: string): string | null {
  if (url === null || url === undefined) return null;
  const link = httpUrl.safeParse(url);
  if (link.success) return link.data;
  console.warn(
    `Recapture API: sighting ${forLog(leadId)} has ${linkKind(url)} as its listing_url, not an http(s) address; it is shown without a link.`,
  );
  return null;
}

export const sightingSchema = z
  .object({
    at: isoDateTime,
    lead_id: z.string(),
    listing_url: z.unknown(),
    listing_title: nullableText,
    listing_price: z.number().nullable().default(null),
    seller_type: z.enum(["private", "dealer"]).nullable().default(null),
  })
  .transform(({ at, lead_id, listing_url, ...rest }) => ({
    at,
    lead_id,
    listing_url: listingLink(listing_url, lead_id),
    ...rest,
  }));
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

/** A customer in a list whose record breaks the contract: kept as one marked entry rather than failing the page. */
export const unreadableCustomerSchema = z.object({
  unreadable: z.literal(true),
  id: customerIdSchema.optional(),
  /** Where the record is wrong (issue paths and messages, never its values). */
  problem: z.string(),
});
export type UnreadableCustomer = z.infer<typeof unreadableCustomerSchema>;

export type CustomerListEntry = Customer | UnreadableCustomer;

export function isUnreadableCustomer(entry: CustomerListEntry): entry is UnreadableCustomer {
  return "unreadable" in entry;
}

const MAX_PROBLEM_LENGTH = 300;

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const text = issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "record"}: ${issue.message}`)
    .join("; ");
  return text.length > MAX_PROBLEM_LENGTH ? `${text.slice(0, MAX_PROBLEM_LENGTH)}…` : text;
}

/**
 * One element of a customer list: the customer, or the marker that stands in for a
 * record that can't be read. Upstream's records are turned into markers (and logged)
 * on the server; the browser, parsing the server's answer, meets markers as they are.
 */
const customerListEntrySchema = z.unknown().transform((value): CustomerListEntry => {
  const customer = customerSchema.safeParse(value);
  if (customer.success) return customer.data;
  const marker = unreadableCustomerSchema.safeParse(value);
  if (marker.success) return marker.data;
  const id = customerIdSchema.safeParse((value as { id?: unknown } | null)?.id);
  const problem = describeIssues(customer.error.issues);
  console.warn(
    `Recapture API: customer ${id.success ? id.data : "(without a readable id)"} could not be read and is shown as unreadable: ${problem}`,
  );
  return { unreadable: true, ...(id.success ? { id: id.data } : {}), problem };
});

export const uploadResponseSchema = z.object({ success: z.literal(true), upload: uploadSchema });
export type UploadResponse = z.infer<typeof uploadResponseSchema>;

export const customerResponseSchema = z.object({ success: z.literal(true), customer: customerSchema });

/** One customer read or deleted by id: a record that can't be read comes back as the marker, not a failure. */
export const customerEntryResponseSchema = z.object({
  success: z.literal(true),
  customer: customerListEntrySchema,
});

export const customerListResponseSchema = z.object({
  success: z.literal(true),
  total: z.number().int().nonnegative(),
  customers: z.array(customerListEntrySchema),
});
export type CustomerListResponse = z.infer<typeof customerListResponseSchema>;

/** What the Recapture API answers on failure: `{ success: false, message }` (some gateways say `error`). */
export const upstreamErrorBodySchema = z.object({
  success: z.literal(false).optional(),
  message: z.string().optional(),
  error: z.string().optional(),
});
