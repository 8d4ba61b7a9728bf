import { z } from "zod";
import {
  createCustomerRequestSchema,
  customerIdSchema,
  customerSchema,
  type CreateCustomerRequest,
  type Customer,
} from "@/lib/recapture/schemas";

/**
 * Replacing a customer's vehicle. The Recapture API can't change a customer's
 * rego, state or VIN (its PATCH takes only the external id, the dates and the
 * additional fields), so the dashboard creates a new customer with the new
 * vehicle and everything else of the old one, then deletes the old one.
 * Shared by the form, which checks the new vehicle against the record on
 * screen, and the route, which checks it again against the record as the API
 * has it, with the same create rules (customerInputSchema) either way.
 */

const vehicleText = z.string({ error: "Must be text" });

export const replaceVehicleRequestSchema = z.strictObject({
  enable_rego_lookups: z.boolean({ error: "Rego lookups must be on or off" }).default(false),
  // Lengths and "a rego or a VIN" are the create rules', applied by planReplacement.
  vehicle: z.strictObject({
    rego: vehicleText.optional(),
    state: vehicleText.optional(),
    vin: vehicleText.optional(),
  }),
});
export type ReplaceVehicleRequest = z.infer<typeof replaceVehicleRequestSchema>;
export type Vehicle = ReplaceVehicleRequest["vehicle"];
export const VEHICLE_FIELDS = ["rego", "state", "vin"] as const;
type VehicleField = (typeof VEHICLE_FIELDS)[number];

export type ReplacementPlan =
  | { ok: true; create: CreateCustomerRequest }
  | { ok: false; message: string; fields: Record<string, string> };

/** A plate or VIN as the API compares them: capitals, no spaces. */
const plain = (value: string | null | undefined) => value?.replace(/\s+/g, "").toUpperCase() || undefined;

export const SAME_VEHICLE_MESSAGE =
  "This record already has that vehicle: change the rego, state or VIN to replace it";

/** What the new record takes from the old one: everything but the vehicle (its sightings can't be moved). */
function replacementRequest(old: Customer, request: ReplaceVehicleRequest) {
  return {
    enable_rego_lookups: request.enable_rego_lookups,
    customer: {
      rego: request.vehicle.rego,
      state: request.vehicle.state,
      vin: request.vehicle.vin,
      external_id: old.external_id ?? undefined,
      sale_date: old.sale_date ?? undefined,
      monitor_start_date: old.monitor_start_date ?? undefined,
      monitor_end_date: old.monitor_end_date ?? undefined,
      additional_fields: old.additional_fields ?? undefined,
    },
  };
}

function isVehicleField(value: unknown): value is VehicleField {
  return (VEHICLE_FIELDS as readonly unknown[]).includes(value);
}

/**
 * The new customer to create, checked with the create rules, or why it can't
 * be: a problem with the new vehicle is put on its field (`vehicle.rego`);
 * one with what is copied from the old record (an additional field upstream
 * let through that the create rules refuse, say) says so.
 */
export function planReplacement(old: Customer, request: ReplaceVehicleRequest): ReplacementPlan {
  const parsed = createCustomerRequestSchema.safeParse(replacementRequest(old, request));
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const [, field, ...rest] = issue.path;
      const key = isVehicleField(field)
        ? `vehicle.${field}`
        : ["customer", field, ...rest].filter((part) => part !== undefined).join(".");
      fields[key] ??= isVehicleField(field)
        ? issue.message
        : `This record's ${String(field ?? "details")} can't be copied to a new record: ${issue.message}`;
    }
    return { ok: false, message: Object.values(fields)[0]!, fields };
  }
  const { rego, state, vin } = parsed.data.customer;
  const unchanged =
    plain(rego) === plain(old.rego) && plain(state) === plain(old.state) && plain(vin) === plain(old.vin);
  if (unchanged) {
    return { ok: false, message: SAME_VEHICLE_MESSAGE, fields: { "vehicle.rego": SAME_VEHICLE_MESSAGE } };
  }
  return { ok: true, create: parsed.data };
}

/** How people name a vehicle in a sentence: "ABC123 (VIC)", else "VIN 1N4AL…". */
export function vehicleName(vehicle: { rego?: string | null; state?: string | null; vin?: string | null }) {
  if (vehicle.rego) return vehicle.state ? `${vehicle.rego} (${vehicle.state})` : vehicle.rego;
  return vehicle.vin ? `VIN ${vehicle.vin}` : "a vehicle without a rego or VIN";
}

/** Where the old record stands once the replacement has run. */
export const OLD_RECORD_STATES = ["deleted", "still_there", "unknown"] as const;
export type OldRecordState = (typeof OLD_RECORD_STATES)[number];

export const replaceVehicleResponseSchema = z.object({
  success: z.literal(true),
  /** The new record, with the new vehicle. */
  customer: customerSchema,
  old_customer: z.object({
    id: customerIdSchema,
    vehicle: z.string(),
    state: z.enum(OLD_RECORD_STATES),
  }),
  /** What exists now, in a sentence for people. */
  message: z.string(),
});
export type ReplaceVehicleResponse = z.infer<typeof replaceVehicleResponseSchema>;

export interface ReplacementOutcome {
  created: Pick<Customer, "id" | "rego" | "state" | "vin">;
  old: { id: string; vehicle: string; state: OldRecordState };
}

/**
 * What exists after a replacement, naming both records and their ids. Not why a
 * delete failed: the API's "please try again" would read as "replace again",
 * which makes a third record; the audit log keeps the reason.
 */
export function replacementMessage({ created, old }: ReplacementOutcome): string {
  const newRecord = `the new record for ${vehicleName(created)} (id ${created.id})`;
  const oldRecord = `the old record for ${old.vehicle} (id ${old.id})`;
  switch (old.state) {
    case "deleted":
      return `Vehicle replaced: ${newRecord} was created and ${oldRecord} was deleted with its sightings.`;
    case "still_there":
      return `Only partly done: ${newRecord} was created, but ${oldRecord} couldn't be deleted and is still there, with its sightings, and still monitored. Delete it once you have checked the new record.`;
    case "unknown":
      return `Only partly done: ${newRecord} was created, but deleting ${oldRecord} failed and the dashboard couldn't check whether it is still there. Open it to check, and delete it if it is.`;
  }
}
