import type { Customer, UpdateCustomerRequest } from "@/lib/recapture/schemas";

/** A PATCH date (yyyy-mm-dd, a full ISO string, "" or null) as the API would store it: midnight UTC, or cleared. */
function patchedDate(value: string | null): string | null {
  if (!value) return null;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00.000Z` : new Date(value).toISOString();
}

/**
 * The customer as it will look once the API has applied `patch`: what the
 * optimistic update shows until the real answer arrives. Fields absent from
 * the patch are untouched; "" and null clear, as the API documents.
 */
export function applyCustomerPatch(customer: Customer, patch: UpdateCustomerRequest): Customer {
  const next = { ...customer };
  if (patch.external_id !== undefined) next.external_id = patch.external_id || null;
  if (patch.sale_date !== undefined) next.sale_date = patchedDate(patch.sale_date);
  if (patch.monitor_start_date !== undefined) next.monitor_start_date = patchedDate(patch.monitor_start_date);
  if (patch.monitor_end_date !== undefined) next.monitor_end_date = patchedDate(patch.monitor_end_date);
  if (patch.additional_fields !== undefined) next.additional_fields = patch.additional_fields;
  return next;
}
