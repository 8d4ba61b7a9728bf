import type { UploadRequest } from "@/lib/recapture/schemas";

/**
 * The additional field the dashboard writes into each customer of a part it
 * sends, holding the part's own id: the only way to tell afterwards whether a
 * part whose answer was lost reached the API (see ./part-check.ts). Reserved:
 * a column mapped to the same name is overwritten.
 */
export const PART_REFERENCE_FIELD = "recapture_dashboard_part";

export function withPartReference(body: UploadRequest, partId: string): UploadRequest {
  return {
    ...body,
    customers: body.customers.map((customer) => ({
      ...customer,
      additional_fields: { ...customer.additional_fields, [PART_REFERENCE_FIELD]: partId },
    })),
  };
}
