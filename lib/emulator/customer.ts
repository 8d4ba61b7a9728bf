import { INVALID_DATE, parseApiDate } from "./dates";
import type { CustomerInput, CustomerPatch } from "./schemas";
import type { CustomerFields, CustomerRow, SightingRow, UploadRow } from "./store";
import { lookupVin, vehicleFromVin, vehicleTitle } from "./vehicles";

/** What a customer means, shared by queued uploads and PUT: normalised fields, or why it cannot be a customer. */

export const MISSING_REQUIRED = "Missing required properties";

export type MonitorDefaults = Pick<CustomerFields, "monitor_start_date" | "monitor_end_date">;

export type CustomerOutcome =
  { ok: true; fields: CustomerFields; lookedUp: boolean } | { ok: false; message: string };

const DATE_FIELDS = ["sale_date", "monitor_start_date", "monitor_end_date"] as const;
type DateField = (typeof DATE_FIELDS)[number];

export function cleanText(value: string | null | undefined): string | null {
  const text = value?.trim();
  return text ? text : null;
}

/** Plates are stored as printed: upper case, without the spaces and dashes people type in. */
function cleanRego(value: string | null | undefined): string | null {
  return cleanText(value?.replace(/[\s.-]+/g, "").toUpperCase());
}

/** Parses the given date fields; the first invalid one is reported by name. */
export function parseDates<F extends DateField>(
  input: Partial<Record<F, string | null | undefined>>,
  fields: readonly F[],
): { ok: true; dates: Record<F, string | null> } | { ok: false; message: string } {
  const dates = {} as Record<F, string | null>;
  for (const field of fields) {
    const parsed = parseApiDate(input[field]);
    if (parsed === INVALID_DATE) return { ok: false, message: `${field} must be a valid date` };
    dates[field] = parsed;
  }
  return { ok: true, dates };
}

export function checkMonitorWindow(window: MonitorDefaults): string | undefined {
  const { monitor_start_date: start, monitor_end_date: end } = window;
  return start && end && end < start ? "monitor_end_date must not be before monitor_start_date" : undefined;
}

/**
 * Turns an input customer into stored fields: upload-level monitor dates fill
 * in missing ones, a rego lookup supplies a missing VIN when enabled (and, in
 * Australia, the state is known), and any VIN gets its vehicle title.
 */
export function prepareCustomer(
  input: CustomerInput,
  context: { region: string; enableRegoLookups: boolean; defaults?: MonitorDefaults },
): CustomerOutcome {
  const rego = cleanRego(input.rego);
  const state = cleanText(input.state)?.toUpperCase() ?? null;
  let vin = cleanText(input.vin)?.replace(/\s+/g, "").toUpperCase() ?? null;
  if (!rego && !vin) return { ok: false, message: MISSING_REQUIRED };

  const parsed = parseDates(input, DATE_FIELDS);
  if (!parsed.ok) return parsed;
  const { sale_date } = parsed.dates;
  const monitor_start_date = parsed.dates.monitor_start_date ?? context.defaults?.monitor_start_date ?? null;
  const monitor_end_date = parsed.dates.monitor_end_date ?? context.defaults?.monitor_end_date ?? null;
  const windowProblem = checkMonitorWindow({ monitor_start_date, monitor_end_date });
  if (windowProblem) return { ok: false, message: windowProblem };

  const lookedUp =
    !vin && rego !== null && context.enableRegoLookups && (context.region !== "au" || state !== null);
  if (lookedUp) vin = lookupVin(context.region, state, rego);

  return {
    ok: true,
    lookedUp,
    fields: {
      rego,
      state,
      vin,
      external_id: cleanText(input.external_id),
      sale_date,
      monitor_start_date,
      monitor_end_date,
      vehicle_title: vin ? vehicleTitle(vehicleFromVin(vin)) : null,
      additional_fields: input.additional_fields ?? {},
    },
  };
}

/**
 * Applies a PATCH to a stored customer: only the fields present change, `""`
 * or `null` clears one, and an invalid date or window refuses the whole patch.
 */
export function applyPatch(
  row: CustomerRow,
  patch: CustomerPatch,
  lastUpdated: string,
): { ok: true; row: CustomerRow } | { ok: false; message: string } {
  const dateFields = DATE_FIELDS.filter((field) => patch[field] !== undefined);
  const parsed = parseDates(patch, dateFields);
  if (!parsed.ok) return parsed;
  const updated: CustomerRow = { ...row, ...parsed.dates, last_updated: lastUpdated };
  if (patch.external_id !== undefined) updated.external_id = cleanText(patch.external_id);
  if (patch.additional_fields !== undefined)
    updated.additional_fields = JSON.stringify(patch.additional_fields || {});
  const windowProblem = checkMonitorWindow(updated);
  return windowProblem ? { ok: false, message: windowProblem } : { ok: true, row: updated };
}

export function customerRow(
  fields: CustomerFields,
  owner: { id: string; account: string; region: string; upload_id: string | null; created_at: string },
): CustomerRow {
  return {
    ...owner,
    ...fields,
    additional_fields: JSON.stringify(fields.additional_fields),
    last_updated: owner.created_at,
  };
}

/** A customer as the API returns it, fields in the reference's order. */
export function customerJson(row: CustomerRow, sightings: SightingRow[]) {
  return {
    id: row.id,
    last_updated: row.last_updated,
    rego: row.rego,
    state: row.state,
    vin: row.vin,
    external_id: row.external_id,
    sale_date: row.sale_date,
    monitor_start_date: row.monitor_start_date,
    monitor_end_date: row.monitor_end_date,
    vehicle_title: row.vehicle_title,
    sightings,
    additional_fields: JSON.parse(row.additional_fields) as Record<string, unknown>,
  };
}

export function uploadJson(row: UploadRow) {
  return {
    id: row.id,
    created_at: row.created_at,
    enable_rego_lookups: row.enable_rego_lookups === 1,
    name: row.name,
    total_uploaded_customers: row.total_uploaded_customers,
    total_processed_customers: row.total_processed_customers,
    total_errors: row.total_errors,
  };
}
