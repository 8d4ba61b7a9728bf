import { describe, expect, it } from "vitest";
import {
  customerCreateFormSchema,
  customerEditFormSchema,
  replaceVehicleFormSchema,
} from "@/components/customers/customer-form-schemas";
import {
  EMPTY_CREATE_VALUES,
  replaceVehicleRequest,
  vehicleValuesFromCustomer,
} from "@/components/customers/customer-form-values";
import { testCustomer } from "@/lib/testing/test-customer";

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

describe("length limits in the forms", () => {
  it("say on the field that a rego or VIN is too long, as the server would", () => {
    const result = customerCreateFormSchema.safeParse({
      ...EMPTY_CREATE_VALUES,
      rego: "ABCDEFGHJK 1234567890 1",
      vin: "1N4AL11D16N3377201",
      external_id: "X".repeat(101),
    });
    expect(messages(result)).toEqual({
      rego: "A rego has at most 20 characters",
      vin: "A VIN has at most 17 characters",
      external_id: "An external ID has at most 100 characters",
    });
  });

  it("measure a rego as it is sent: without spaces", () => {
    expect(
      customerCreateFormSchema.safeParse({ ...EMPTY_CREATE_VALUES, rego: "ABC 123 456 789 012 34" }).success,
    ).toBe(true);
  });

  it("name the additional field row whose name or value is too long, and too many rows", () => {
    const result = customerEditFormSchema.safeParse({
      ...editValues,
      external_id: "X".repeat(101),
      additional_fields: [
        { key: "n".repeat(65), value: "x" },
        { key: "notes", value: "v".repeat(1001) },
        { key: "ok", value: "v".repeat(1000) },
      ],
    });
    expect(messages(result)).toEqual({
      external_id: "An external ID has at most 100 characters",
      "additional_fields.0.key": "An additional field name has at most 64 characters",
      "additional_fields.1.value": 'Additional field "notes" has at most 1,000 characters',
    });
    const rows = Array.from({ length: 51 }, (_, i) => ({ key: `field_${i}`, value: "x" }));
    expect(messages(customerEditFormSchema.safeParse({ ...editValues, additional_fields: rows }))).toEqual({
      additional_fields: "A customer has at most 50 additional fields",
    });
    expect(
      customerCreateFormSchema.safeParse({
        ...EMPTY_CREATE_VALUES,
        rego: "ABC123",
        additional_fields: rows.slice(0, 50),
      }).success,
    ).toBe(true);
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

describe("replaceVehicleFormSchema", () => {
  const old = testCustomer({
    id: "0000c339-1fb4-4d15-9b46-6509f2c5a2a4",
    last_updated: "2022-07-21T02:27:03.543Z",
    rego: "ABC123",
    external_id: "CUST-1",
  });
  const schema = replaceVehicleFormSchema(old);
  const start = vehicleValuesFromCustomer(old);

  it("starts from the vehicle the record has, which it won't take back unchanged", () => {
    expect(start).toEqual({ rego: "ABC123", state: "VIC", vin: "", enable_rego_lookups: false });
    expect(messages(schema.safeParse({ ...start, rego: "abc 123" }))).toEqual({
      rego: "This record already has that vehicle: change the rego, state or VIN to replace it",
    });
  });

  it("applies the create rules to the new vehicle, on its fields", () => {
    expect(messages(schema.safeParse({ ...start, rego: "", state: "" }))).toEqual({
      rego: "Missing required properties: enter a rego or a VIN",
    });
    expect(messages(schema.safeParse({ ...start, vin: "1N4AL11D16N3377201" }))).toEqual({
      vin: "A VIN has at most 17 characters",
    });
    expect(messages(schema.safeParse({ ...start, state: "Victoria" }))).toEqual({
      state: "Choose a state from the list",
    });
    expect(schema.safeParse({ ...start, rego: "XYZ789" }).success).toBe(true);
  });

  it("keeps a state from another region that the record already has", () => {
    const nz = replaceVehicleFormSchema({ ...old, state: "Auckland" });
    expect(nz.safeParse({ ...start, rego: "XYZ789", state: "Auckland" }).success).toBe(true);
  });

  it("sends plates and VINs in capitals without spaces, and leaves blanks out", () => {
    expect(
      replaceVehicleRequest({ rego: " xyz 789 ", state: "NSW", vin: "", enable_rego_lookups: true }),
    ).toEqual({ enable_rego_lookups: true, vehicle: { rego: "XYZ789", state: "NSW", vin: undefined } });
  });
});
