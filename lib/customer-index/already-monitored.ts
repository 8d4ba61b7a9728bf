import { z } from "zod";
import { CUSTOMER_LIMITS } from "@/lib/recapture/schemas";

/**
 * "Which of these cars is monitored already?", asked by the upload wizard of
 * the customer index before it sends a file: a car is the same when it has
 * the same VIN, or the same rego (letters and digits only) in the same state.
 * A file is asked about in batches of at most MONITORED_CHECK_BATCH cars.
 */
export const MONITORED_CHECK_BATCH = 5_000;

const vehicleText = (field: "rego" | "state" | "vin") =>
  z.string().trim().min(1).max(CUSTOMER_LIMITS[field]).optional();

export const monitoredVehicleSchema = z.object({
  vin: vehicleText("vin"),
  rego: vehicleText("rego"),
  state: vehicleText("state"),
});
export type MonitoredVehicle = z.infer<typeof monitoredVehicleSchema>;

export const monitoredCheckRequestSchema = z.object({
  vehicles: z
    .array(monitoredVehicleSchema)
    .max(MONITORED_CHECK_BATCH, `At most ${MONITORED_CHECK_BATCH} cars can be checked at once`),
});
export type MonitoredCheckRequest = z.infer<typeof monitoredCheckRequestSchema>;

/** The customer already watching a car: enough to name it and link to it. */
export const monitoringCustomerSchema = z.object({
  id: z.string(),
  rego: z.string().nullable(),
  state: z.string().nullable(),
  vin: z.string().nullable(),
  external_id: z.string().nullable(),
});
export type MonitoringCustomer = z.infer<typeof monitoringCustomerSchema>;

/** A car of the request (`vehicle`: its position) and the customer already monitoring it. */
export const monitoredMatchSchema = z.object({
  vehicle: z.number().int().nonnegative(),
  customer: monitoringCustomerSchema,
});
export type MonitoredMatch = z.infer<typeof monitoredMatchSchema>;

/**
 * `ready` false: the index hasn't read the whole customer list yet, so it
 * can't say a car isn't monitored, and `matches` is empty.
 */
export const monitoredCheckResponseSchema = z.object({
  ready: z.boolean(),
  matches: z.array(monitoredMatchSchema),
});
export type MonitoredCheckResponse = z.infer<typeof monitoredCheckResponseSchema>;

/** States compare as the index stores them for the filter: trimmed, upper case; none matches none. */
export function normalisedState(state: string | null | undefined): string {
  return state?.trim().toUpperCase() ?? "";
}
