import { z } from "zod";
import { LEAD_EVENT_KINDS, LEAD_STATUSES, LOST_REASONS } from "./lead-status";
import { NOTE_MAX_LENGTH } from "./lead-work";

/**
 * A lead's page as the server answers it (GET /api/leads/[key]) and the
 * requests that work it, each schema defined once for the route, the page and
 * the tests.
 */

export const BULK_MAX_LEADS = 500;

/** A lead's key in a URL: /leads/123, /api/leads/123. */
export const leadKeySchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const leadStatusSchema = z.enum(LEAD_STATUSES);
const lostReasonSchema = z.enum(LOST_REASONS);
const noteTextSchema = z
  .string()
  .max(NOTE_MAX_LENGTH, `A note can be at most ${NOTE_MAX_LENGTH} characters.`);

export const statusRequestSchema = z.object({
  status: leadStatusSchema,
  lostReason: lostReasonSchema.nullish(),
  note: noteTextSchema.nullish(),
  /** The status the person saw: refused if it has changed since, so nobody overrides a colleague unawares. */
  from: leadStatusSchema.optional(),
});
export type StatusRequest = z.infer<typeof statusRequestSchema>;

export const assignmentRequestSchema = z.object({ userId: z.number().int().positive().nullable() });
export type AssignmentRequest = z.infer<typeof assignmentRequestSchema>;

export const noteRequestSchema = z.object({ text: noteTextSchema });

export const bulkActionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("assign"), userId: z.number().int().positive().nullable() }),
  z.object({
    kind: z.literal("status"),
    status: leadStatusSchema,
    lostReason: lostReasonSchema.nullish(),
    note: noteTextSchema.nullish(),
  }),
]);
export type BulkAction = z.infer<typeof bulkActionSchema>;

export const bulkRequestSchema = z.object({
  leadKeys: z
    .array(z.number().int().positive())
    .min(1, "Choose at least one lead.")
    .max(BULK_MAX_LEADS, `At most ${BULK_MAX_LEADS} leads at once.`),
  action: bulkActionSchema,
});
export type BulkRequest = z.infer<typeof bulkRequestSchema>;

export const bulkResultSchema = z.object({
  changed: z.array(z.number()),
  refused: z.array(z.object({ leadKey: z.number(), reason: z.string() })),
});
export type BulkResult = z.infer<typeof bulkResultSchema>;

const personSchema = z.object({ id: z.number(), name: z.string() });
export type LeadPerson = z.infer<typeof personSchema>;

export const assigneesResponseSchema = z.object({ assignees: z.array(personSchema) });

const sellerTypeSchema = z.enum(["private", "dealer"]).nullable();

export const leadSummarySchema = z.object({
  key: z.number(),
  leadId: z.string(),
  customerId: z.string(),
  listedAt: z.string(),
  firstSeenAt: z.string(),
  noLongerListedAt: z.string().nullable(),
  listingUrl: z.string().nullable(),
  listingTitle: z.string().nullable(),
  sellerType: sellerTypeSchema,
  firstPrice: z.number().nullable(),
  price: z.number().nullable(),
  status: leadStatusSchema,
  lostReason: lostReasonSchema.nullable(),
  assignee: personSchema.nullable(),
  firstContactedAt: z.string().nullable(),
});
export type LeadSummary = z.infer<typeof leadSummarySchema>;

export const leadEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  kind: z.enum(LEAD_EVENT_KINDS),
  actor: personSchema.nullable(),
  /** The details the event recorded (prices, from and to, a note's text), as stored. */
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type LeadEvent = z.infer<typeof leadEventSchema>;

export const leadCustomerSchema = z.object({
  id: z.string(),
  rego: z.string().nullable(),
  vin: z.string().nullable(),
  state: z.string().nullable(),
  vehicleTitle: z.string().nullable(),
  additionalFields: z.record(z.string(), z.unknown()),
});
export type LeadCustomer = z.infer<typeof leadCustomerSchema>;

export const leadDetailSchema = z.object({
  lead: leadSummarySchema,
  /** Null when the customer has left the customer index since: the lead is the dealership's record still. */
  customer: leadCustomerSchema.nullable(),
  prices: z.array(z.object({ price: z.number(), seenAt: z.string() })),
  events: z.array(leadEventSchema),
  /** The customer's other leads, newest first. */
  otherLeads: z.array(leadSummarySchema),
});
export type LeadDetail = z.infer<typeof leadDetailSchema>;
