import { z } from "zod";
import {
  auDateToIso,
  createCustomerRequest,
  type CustomerCreateValues,
  type CustomerEditValues,
} from "@/components/customers/customer-form-values";
import { AU_STATES } from "@/lib/csv/states";
import { customerInputSchema, updateCustomerRequestSchema } from "@/lib/recapture/schemas";

/**
 * What the customer forms check before anything is sent. The forms add only
 * what is about typing (dd/mm/yyyy dates, additional field names); the
 * customer rules themselves (a rego or a VIN, the monitor window running
 * forwards) come from the shared request schemas, so the form and the server
 * can't disagree.
 */

const auDate = z
  .string()
  .trim()
  .refine(
    (value) => value === "" || auDateToIso(value) !== undefined,
    "Enter a real date as dd/mm/yyyy, e.g. 15/06/2022",
  );

const additionalFieldRows = z
  .array(z.object({ key: z.string(), value: z.string() }))
  .superRefine((rows, ctx) => {
    const seen = new Set<string>();
    rows.forEach(({ key, value }, index) => {
      const name = key.trim();
      if (name === "" && value.trim() !== "") {
        ctx.addIssue({ code: "custom", path: [index, "key"], message: "Give this field a name" });
      } else if (name !== "" && seen.has(name)) {
        ctx.addIssue({ code: "custom", path: [index, "key"], message: `“${name}” is already used` });
      }
      seen.add(name);
    });
  });

/** Copies the shared schema's issues onto the form fields of the same name. */
function addSharedIssues(issues: readonly z.core.$ZodIssue[], ctx: z.RefinementCtx) {
  for (const issue of issues) ctx.addIssue({ code: "custom", path: [...issue.path], message: issue.message });
}

export const customerEditFormSchema = z
  .object({
    external_id: z.string(),
    sale_date: auDate,
    monitor_start_date: auDate,
    monitor_end_date: auDate,
    additional_fields: additionalFieldRows,
  })
  .superRefine((values: CustomerEditValues, ctx) => {
    const result = updateCustomerRequestSchema.safeParse({
      monitor_start_date: auDateToIso(values.monitor_start_date) ?? null,
      monitor_end_date: auDateToIso(values.monitor_end_date) ?? null,
    });
    if (!result.success) addSharedIssues(result.error.issues, ctx);
  });

export const customerCreateFormSchema = z
  .object({
    rego: z.string().max(10, "A rego has at most 10 characters"),
    state: z
      .string()
      .refine(
        (state) => state === "" || (AU_STATES as readonly string[]).includes(state),
        "Choose a state from the list",
      ),
    vin: z.string().max(17, "A VIN has at most 17 characters"),
    external_id: z.string(),
    sale_date: auDate,
    monitor_start_date: auDate,
    monitor_end_date: auDate,
    additional_fields: additionalFieldRows,
    enable_rego_lookups: z.boolean(),
  })
  .superRefine((values: CustomerCreateValues, ctx) => {
    const result = customerInputSchema.safeParse(createCustomerRequest(values).customer);
    if (!result.success) addSharedIssues(result.error.issues, ctx);
  });
