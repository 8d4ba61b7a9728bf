import { z } from "zod";

/**
 * Request bodies, checked for shape at the door: a wrong type is a 400 naming
 * the field. What a customer *means* (has a rego or VIN, real dates) is checked
 * in customer.ts, because in a queued upload that is a per-customer error.
 */

const optionalText = z.string().nullish();
const additionalFields = z.record(z.string(), z.unknown());

export const customerInputSchema = z.object({
  rego: optionalText,
  state: optionalText,
  vin: optionalText,
  external_id: optionalText,
  sale_date: optionalText,
  monitor_start_date: optionalText,
  monitor_end_date: optionalText,
  additional_fields: additionalFields.nullish(),
});
export type CustomerInput = z.infer<typeof customerInputSchema>;

export const uploadBodySchema = z.object({
  name: optionalText,
  enable_rego_lookups: z.boolean().nullish(),
  monitor_start_date: optionalText,
  monitor_end_date: optionalText,
  customers: z.array(customerInputSchema).nullish(),
});

export const createCustomerBodySchema = z.object({
  enable_rego_lookups: z.boolean().nullish(),
  customer: customerInputSchema.nullish(),
});

/** Only these five can change; anything else in a PATCH body is refused rather than silently dropped. */
export const patchCustomerBodySchema = z.strictObject({
  external_id: optionalText,
  sale_date: optionalText,
  monitor_start_date: optionalText,
  monitor_end_date: optionalText,
  additional_fields: z.union([additionalFields, z.literal("")]).nullish(),
});
export type CustomerPatch = z.infer<typeof patchCustomerBodySchema>;

function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`))
    .join("");
}

/** One readable sentence for the first problem, e.g. "customers[3].rego must be a string". */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const field = fieldPath(issue.path);
  switch (issue.code) {
    case "invalid_type": {
      const expected = issue.expected === "record" ? "object" : issue.expected;
      return field
        ? `${field} must be ${/^[aeiou]/.test(expected) ? "an" : "a"} ${expected}`
        : "Request body must be a JSON object";
    }
    case "unrecognized_keys":
      return `Unknown or read-only properties: ${issue.keys.join(", ")}`;
    default:
      return field ? `${field}: ${issue.message}` : issue.message;
  }
}
