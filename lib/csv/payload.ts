import type { UploadRequest } from "@/lib/recapture/schemas";
import { UPLOAD_NAME_MAX_LENGTH } from "@/lib/recapture/upload-name";
import { fileBaseName } from "@/lib/csv/decode";
import { isSent, type Review } from "@/lib/csv/review";
import type { UploadCustomer } from "@/lib/csv/row-check";

/** The settings step: everything of an upload request but its customers. */
export type UploadSettings = Omit<UploadRequest, "customers">;

/** "June sales 21/07/2022" for "June sales.csv" dropped on 21 July 2022 (the browser's local date). */
export function defaultUploadName(fileName: string, today: Date): string {
  const base = fileBaseName(fileName) || "Upload";
  const day = String(today.getDate()).padStart(2, "0");
  const month = String(today.getMonth() + 1).padStart(2, "0");
  return `${base} ${day}/${month}/${today.getFullYear()}`;
}

export function sentCustomers(review: Review): UploadCustomer[] {
  const customers: UploadCustomer[] = [];
  for (let row = 0; row < review.rows.length; row++) {
    const customer = review.customers[row];
    if (customer && isSent(review, row)) customers.push(customer);
  }
  return customers;
}

/** "June sales (part 2 of 3)", the name shortened so the whole still fits the API's limit. */
export function partName(name: string, part: number, parts: number): string {
  const suffix = ` (part ${part} of ${parts})`;
  return `${name.slice(0, UPLOAD_NAME_MAX_LENGTH - suffix.length).trimEnd()}${suffix}`;
}

/**
 * The upload requests for the rows that are sent, in file order: one request, or parts
 * of at most `maxCustomersPerUpload` named "Name (part 2 of 3)". None when no row can
 * be sent, as the API refuses an empty list.
 */
export function buildUploadPayloads(
  review: Review,
  settings: UploadSettings,
  maxCustomersPerUpload: number,
): UploadRequest[] {
  if (!Number.isInteger(maxCustomersPerUpload) || maxCustomersPerUpload < 1) {
    throw new RangeError(
      `maxCustomersPerUpload must be a whole number of at least 1, not ${maxCustomersPerUpload}`,
    );
  }
  const customers = sentCustomers(review);
  const parts = Math.ceil(customers.length / maxCustomersPerUpload);
  return Array.from({ length: parts }, (_, part) => ({
    ...settings,
    name: parts > 1 ? partName(settings.name, part + 1, parts) : settings.name,
    customers: customers.slice(part * maxCustomersPerUpload, (part + 1) * maxCustomersPerUpload),
  }));
}
