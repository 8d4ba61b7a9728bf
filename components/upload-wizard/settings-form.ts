import { z } from "zod";
import { defaultUploadName, parseDate, type UploadSettings } from "@/lib/csv";
import { CUSTOMER_RULE_MESSAGES, monitorWindowRunsForwards } from "@/lib/recapture/customer-rules";

const DATE_MESSAGE = "Enter a real date as dd/mm/yyyy, e.g. 01/07/2022";

const auDate = (value: string) => parseDate(value, "dmy");

const optionalAuDate = z
  .string()
  .trim()
  .refine((value) => value === "" || auDate(value) !== undefined, DATE_MESSAGE);

export const settingsFormSchema = z
  .object({
    name: z.string().trim().min(1, "Give the upload a name").max(200, "Keep the name under 200 characters"),
    monitorStart: optionalAuDate,
    monitorEnd: optionalAuDate,
    enableRegoLookups: z.boolean(),
  })
  .superRefine(({ monitorStart, monitorEnd }, ctx) => {
    if (!monitorWindowRunsForwards(auDate(monitorStart), auDate(monitorEnd))) {
      ctx.addIssue({
        code: "custom",
        path: ["monitorEnd"],
        message: CUSTOMER_RULE_MESSAGES.monitorWindow.field,
      });
    }
  });

export type SettingsValues = z.infer<typeof settingsFormSchema>;

export function defaultSettingsValues(fileName: string, today: Date): SettingsValues {
  return {
    name: defaultUploadName(fileName, today),
    monitorStart: "",
    monitorEnd: "",
    enableRegoLookups: false,
  };
}

/** The upload-level part of the request: dates typed dd/mm/yyyy go out as yyyy-mm-dd, empty ones not at all. */
export function uploadSettings(values: SettingsValues): UploadSettings {
  return {
    name: values.name.trim(),
    enable_rego_lookups: values.enableRegoLookups,
    monitor_start_date: auDate(values.monitorStart),
    monitor_end_date: auDate(values.monitorEnd),
  };
}
