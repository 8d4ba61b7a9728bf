import { describe, expect, it } from "vitest";
import {
  customerCreateFormSchema,
  customerEditFormSchema,
} from "@/components/customers/customer-form-schemas";
import { EMPTY_CREATE_VALUES } from "@/components/customers/customer-form-values";

function messages(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  return Object.fromEntries(
    (result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]),
  );
}

const editValues = {
  external_id: "",
  sale_date: "",
  monitor_start_date: "",
  monitor_end_date: "",
  additional_fields: [],
};

describe("customerCreateFormSchema", () => {
  it("asks for a rego or a VIN, on the rego field", () => {
    expect(messages(customerCreateFormSchema.safeParse(EMPTY_CREATE_VALUES))).toEqual({
      rego: "Missing required properties: enter a rego or a VIN",
    });
  });

  it("accepts a VIN alone", () => {
    expect(
      customerCreateFormSchema.safeParse({ ...EMPTY_CREATE_VALUES, vin: "1N4AL11D16N337720" }).success,
    ).toBe(true);
  });

  it("names a badly typed date and an unknown state", () => {
    const result = customerCreateFormSchema.safeParse({
      ...EMPTY_CREATE_VALUES,
      rego: "ABC123",
      sale_date: "2022-06-15",
      state: "XYZ",
    });
    expect(messages(result)).toEqual({
      sale_date: "Enter a real date as dd/mm/yyyy, e.g. 15/06/2022",
      state: "Choose a state from the list",
    });
  });

  it("refuses a monitor window that ends before it starts, on the end date", () => {
    const result = customerCreateFormSchema.safeParse({
      ...EMPTY_CREATE_VALUES,
      rego: "ABC123",
      monitor_start_date: "01/06/2023",
      monitor_end_date: "01/06/2022",
    });
    expect(messages(result)).toEqual({
      monitor_end_date: "The monitoring end date must be on or after the start date",
    });
  });
});

describe("customerEditFormSchema", () => {
  it("accepts cleared fields", () => {
    expect(customerEditFormSchema.safeParse(editValues).success).toBe(true);
  });

  it("refuses a backwards monitor window", () => {
    const result = customerEditFormSchema.safeParse({
      ...editValues,
      monitor_start_date: "02/06/2022",
      monitor_end_date: "01/06/2022",
    });
    expect(messages(result)).toEqual({
      monitor_end_date: "The monitoring end date must be on or after the start date",
    });
  });

  it("names additional field rows without a name or with a repeated one", () => {
    const result = customerEditFormSchema.safeParse({
      ...editValues,
      additional_fields: [
        { key: "source", value: "crm" },
        { key: "source", value: "web" },
        { key: "", value: "orphan" },
        { key: "", value: "" },
      ],
    });
    expect(messages(result)).toEqual({
      "additional_fields.1.key": "“source” is already used",
      "additional_fields.2.key": "Give this field a name",
    });
  });
});
