import { additionalFieldText } from "@/components/customers/customer-display";
import type { ReplaceVehicleRequest, Vehicle } from "@/lib/customers/replace-vehicle";
import type { CreateCustomerRequest, Customer, UpdateCustomerRequest } from "@/lib/recapture/schemas";

/** People type Australian dates (15/06/2022, 1/6/2022, 15-06-2022); the API takes 2022-06-15. */
export function auDateToIso(text: string): string | undefined {
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!match) return undefined;
  const [, day, month, year] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date rolls 31/02 over into March; a real date survives the round trip.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return date.toISOString().slice(0, 10);
}

/** A date from the API (2022-06-15 or 2022-06-15T00:00:00.000Z) as people type it, 15/06/2022; empty when unset. */
export function isoToAuDate(iso: string | null): string {
  const match = iso && /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : "";
}

export interface AdditionalFieldRow {
  key: string;
  value: string;
}

export function additionalFieldRows(fields: Record<string, unknown> | null): AdditionalFieldRow[] {
  return Object.entries(fields ?? {}).map(([key, value]) => ({ key, value: additionalFieldText(value) }));
}

/**
 * The rows as a map, skipping blank ones. A value left as it was keeps its
 * original type, so saving one field doesn't turn a stored number into text.
 */
export function additionalFieldsFromRows(
  rows: readonly AdditionalFieldRow[],
  original: Record<string, unknown> | null = null,
): Record<string, string | number | boolean | null> {
  const fields: Record<string, string | number | boolean | null> = {};
  for (const { key, value } of rows) {
    const name = key.trim();
    if (name === "") continue;
    const before = original?.[name];
    const unchanged = original !== null && name in original && additionalFieldText(before) === value;
    fields[name] =
      unchanged && (typeof before === "number" || typeof before === "boolean" || before === null)
        ? before
        : value;
  }
  return fields;
}

/** Order-insensitive comparison of two additional field maps. */
function sameFields(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => key in b && Object.is(a[key], b[key]));
}

export interface CustomerEditValues {
  external_id: string;
  sale_date: string;
  monitor_start_date: string;
  monitor_end_date: string;
  additional_fields: AdditionalFieldRow[];
}

export function editValuesFromCustomer(customer: Customer): CustomerEditValues {
  return {
    external_id: customer.external_id ?? "",
    sale_date: isoToAuDate(customer.sale_date),
    monitor_start_date: isoToAuDate(customer.monitor_start_date),
    monitor_end_date: isoToAuDate(customer.monitor_end_date),
    additional_fields: additionalFieldRows(customer.additional_fields),
  };
}

const EDIT_DATE_FIELDS = ["sale_date", "monitor_start_date", "monitor_end_date"] as const;

/** Every editable field as the API would take it; "" means cleared. */
export function editRequest(values: CustomerEditValues, original: Customer): Required<UpdateCustomerRequest> {
  const fields = additionalFieldsFromRows(values.additional_fields, original.additional_fields);
  return {
    external_id: values.external_id.trim(),
    sale_date: auDateToIso(values.sale_date) ?? "",
    monitor_start_date: auDateToIso(values.monitor_start_date) ?? "",
    monitor_end_date: auDateToIso(values.monitor_end_date) ?? "",
    additional_fields: Object.keys(fields).length > 0 ? fields : null,
  };
}

/**
 * Only what changed from the saved customer, so a PATCH never overwrites a
 * field someone else changed meanwhile. An emptied field is sent as "" (or
 * null for additional fields), which the API reads as "clear it".
 */
export function customerPatch(original: Customer, values: CustomerEditValues): UpdateCustomerRequest {
  const next = editRequest(values, original);
  const patch: UpdateCustomerRequest = {};
  if (next.external_id !== (original.external_id ?? "")) patch.external_id = next.external_id;
  for (const field of EDIT_DATE_FIELDS) {
    if (next[field] !== (original[field]?.slice(0, 10) ?? "")) patch[field] = next[field];
  }
  if (!sameFields(next.additional_fields ?? {}, original.additional_fields ?? {})) {
    patch.additional_fields = next.additional_fields;
  }
  return patch;
}

/** The vehicle as typed into the new customer and Replace vehicle forms (components/customers/vehicle-fields.tsx). */
export interface VehicleValues {
  rego: string;
  state: string;
  vin: string;
  enable_rego_lookups: boolean;
}

export interface CustomerCreateValues extends VehicleValues {
  external_id: string;
  sale_date: string;
  monitor_start_date: string;
  monitor_end_date: string;
  additional_fields: AdditionalFieldRow[];
}

export const EMPTY_CREATE_VALUES: CustomerCreateValues = {
  rego: "",
  state: "",
  vin: "",
  external_id: "",
  sale_date: "",
  monitor_start_date: "",
  monitor_end_date: "",
  additional_fields: [],
  enable_rego_lookups: false,
};

const text = (value: string) => value.trim() || undefined;

/** A vehicle as typed, as the API takes it: blank fields left out, plates and VINs in capitals without spaces. */
function vehicleFromValues(values: { rego: string; state: string; vin: string }): Vehicle {
  return {
    rego: text(values.rego.replace(/\s+/g, "").toUpperCase()),
    state: text(values.state),
    vin: text(values.vin.replace(/\s+/g, "").toUpperCase()),
  };
}

/** The PUT body for a new customer: blank fields left out, plates and VINs in capitals. */
export function createCustomerRequest(values: CustomerCreateValues): CreateCustomerRequest {
  const fields = additionalFieldsFromRows(values.additional_fields);
  return {
    enable_rego_lookups: values.enable_rego_lookups,
    customer: {
      ...vehicleFromValues(values),
      external_id: text(values.external_id),
      sale_date: auDateToIso(values.sale_date),
      monitor_start_date: auDateToIso(values.monitor_start_date),
      monitor_end_date: auDateToIso(values.monitor_end_date),
      ...(Object.keys(fields).length > 0 ? { additional_fields: fields } : {}),
    },
  };
}

/** The replace form starts from the vehicle the record has, so a mistyped plate is fixed in place. */
export function vehicleValuesFromCustomer(customer: Customer): VehicleValues {
  return {
    rego: customer.rego ?? "",
    state: customer.state ?? "",
    vin: customer.vin ?? "",
    enable_rego_lookups: false,
  };
}

export function replaceVehicleRequest(values: VehicleValues): ReplaceVehicleRequest {
  return { enable_rego_lookups: values.enable_rego_lookups, vehicle: vehicleFromValues(values) };
}

/**
 * Splits a server's field errors (keys like `sale_date` or
 * `customer.additional_fields.source`) into messages for the form's own
 * fields and whatever is left for a message above the form.
 */
export function serverFieldErrors<TName extends string>(
  fields: Record<string, string>,
  names: readonly TName[],
  prefix = "",
): { fields: Partial<Record<TName, string>>; other: string[] } {
  const result: Partial<Record<TName, string>> = {};
  const other: string[] = [];
  for (const [key, message] of Object.entries(fields)) {
    const path = key.startsWith(prefix) ? key.slice(prefix.length) : key;
    const name = names.find((candidate) => path === candidate || path.startsWith(`${candidate}.`));
    if (name) result[name] ??= message;
    else other.push(message);
  }
  return { fields: result, other };
}
