import { describe, expect, it } from "vitest";
import {
  defaultSettingsValues,
  settingsFormSchema,
  uploadSettings,
} from "@/components/upload-wizard/settings-form";

const valid = { name: "June", monitorStart: "", monitorEnd: "", enableRegoLookups: false };

describe("settings form", () => {
  it("names the upload after the file and today's date", () => {
    expect(defaultSettingsValues("June sales.csv", new Date(2022, 6, 21)).name).toBe("June sales 21/07/2022");
  });

  it("sends dd/mm/yyyy dates as yyyy-mm-dd and leaves empty ones out", () => {
    expect(uploadSettings({ ...valid, monitorStart: "1/7/2022", enableRegoLookups: true })).toEqual({
      name: "June",
      enable_rego_lookups: true,
      monitor_start_date: "2022-07-01",
      monitor_end_date: undefined,
    });
  });

  it("refuses a blank name, an impossible date and a window that ends before it starts", () => {
    const issues = (values: typeof valid) =>
      settingsFormSchema.safeParse(values).error?.issues.map((issue) => [issue.path[0], issue.message]);
    expect(issues({ ...valid, name: "  " })).toEqual([["name", "Give the upload a name"]]);
    expect(issues({ ...valid, monitorStart: "31/02/2022" })).toEqual([
      ["monitorStart", "Enter a real date as dd/mm/yyyy, e.g. 01/07/2022"],
    ]);
    expect(issues({ ...valid, monitorStart: "01/07/2023", monitorEnd: "30/06/2023" })).toEqual([
      ["monitorEnd", "The monitoring end date must be on or after the start date"],
    ]);
    expect(issues({ ...valid, monitorStart: "01/07/2023", monitorEnd: "01/07/2023" })).toBeUndefined();
  });
});
