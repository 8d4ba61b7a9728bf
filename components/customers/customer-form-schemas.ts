import { z } from "zod";
import {
  auDateToIso,
  createCustomerRequest,
  replaceVehicleRequest,
  type CustomerCreateValues,
  type CustomerEditValues,
  type VehicleValues,
} from "@/components/customers/customer-form-values";
import { AU_STATES } from "@/lib/au-states";
import { planReplacement } from "@/lib/customers/replace-vehicle";
import {
  ADDITIONAL_FIELD_NAME_MESSAGE,
  additionalFieldValueMessage,
  CUSTOMER_LIMITS,
  customerInputSchema,
  TOO_MANY_ADDITIONAL_FIELDS_MESSAGE,
  updateCustomerRequestSchema,
  type Customer,
} from "@/lib/recapture/schemas";

/**
 * What the customer forms check before anything is sent. The forms add only
 * what is about typing (dd/mm/yyyy dates, additional field rows); the
 * customer rules themselves (a rego or a VIN, the monitor window running
 * forwards, the longest value of each field) come from the shared request
 * schemas, so the form and the server can't disagree.
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
      } else if (name.length > CUSTOMER_LIMITS.additionalFieldName) {
        ctx.addIssue({ code: "custom", path: [index, "key"], message: ADDITIONAL_FIELD_NAME_MESSAGE });
      } else if (name !== "" && seen.has(name)) {
        ctx.addIssue({ code: "custom", path: [index, "key"], message: `“${name}” is already used` });
      }
      if (name !== "" && value.length > CUSTOMER_LIMITS.additionalFieldValue) {
        ctx.addIssue({
          code: "custom",
          path: [index, "value"],
          message: additionalFieldValueMessage(name.slice(0, CUSTOMER_LIMITS.additionalFieldName)),
        });
      }
      seen.add(name);
    });
    if (seen.size - (seen.has("") ? 1 : 0) > CUSTOMER_LIMITS.additionalFields) {
      ctx.addIssue({ code: "custom", message: TOO_MANY_ADDITIONAL_FIELDS_MESSAGE });
    }
  });

/**
 * Copies the shared schema's issues onto the form fields of the same name. Additional
 * fields are rows in the form, checked row by row above, so their map-shaped issues are left out.
 */
function addSharedIssues(issues: readonly z.core.$ZodIssue[], ctx: z.RefinementCtx) {
  for (const issue of issues) {
    if (issue.path[0] === "additional_fields") continue;
    ctx.addIssue({ code: "custom", path: [...issue.path], message: issue.message });
  }
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
      external_id: values.external_id,
      monitor_start_date: auDateToIso(values.monitor_start_date) ?? null,
      monitor_end_date: auDateToIso(values.monitor_end_date) ?? null,
    });
    if (!result.success) addSharedIssues(result.error.issues, ctx);
  });

/** A state from the picker: one of Australia's, or the one the record already has (from another region). */
function stateChoice(current?: string | null) {
  const choices: readonly string[] = current ? [...AU_STATES, current] : AU_STATES;
  return z
    .string()
    .refine((state) => state === "" || choices.includes(state), "Choose a state from the list");
}

export const customerCreateFormSchema = z
  .object({
    rego: z.string(),
    state: stateChoice(),
    vin: z.string(),
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

/**
 * The new vehicle for a record: the create rules, applied to the record the
 * new vehicle would make (planReplacement, as the server does). Only the
 * vehicle's own problems go on fields here; one in what is copied from the
 * old record comes back from the server as a message above the form.
 */
export function replaceVehicleFormSchema(old: Customer) {
  return z
    .object({
      rego: z.string(),
      state: stateChoice(old.state),
      vin: z.string(),
      enable_rego_lookups: z.boolean(),
    })
    .superRefine((values: VehicleValues, ctx) => {
      const plan = planReplacement(old, replaceVehicleRequest(values));
      if (plan.ok) return;
      for (const [key, message] of Object.entries(plan.fields)) {
        const [scope, field] = key.split(".");
        if (scope === "vehicle" && field) ctx.addIssue({ code: "custom", path: [field], message });
      }
    });
}
