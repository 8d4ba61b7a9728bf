import { afterEach, describe, expect, it, vi } from "vitest";
import * as examples from "@/lib/testing/reference-examples";
import {
  createCustomerRequestSchema,
  customerIdSchema,
  customerInputSchema,
  customerEntryResponseSchema,
  customerListResponseSchema,
  customerResponseSchema,
  CUSTOMER_LIMITS,
  listCustomersQuerySchema,
  regionSchema,
  updateCustomerRequestSchema,
  uploadIdSchema,
  uploadRequestSchema,
  uploadResponseSchema,
} from "@/lib/recapture/schemas";

afterEach(() => vi.restoreAllMocks());

/** The messages of a failed parse, keyed by dotted path, as a form would show them. */
function problems(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  expect(result.success).toBe(false);
  return Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
}

function without<T extends object>(value: T, ...keys: (keyof T)[]): Partial<T> {
  const copy: Partial<T> = { ...value };
  for (const key of keys) delete copy[key];
  return copy;
}

describe("reference examples", () => {
  it.each([
    ["uploadRequest", uploadRequestSchema],
    ["uploadResponse", uploadResponseSchema],
    ["getUploadResponse", uploadResponseSchema],
    ["cancelUploadResponse", uploadResponseSchema],
    ["listCustomersResponse", customerListResponseSchema],
    ["createCustomerRequest", createCustomerRequestSchema],
    ["createCustomerResponse", customerResponseSchema],
    ["getCustomerResponse", customerResponseSchema],
    ["updateCustomerRequest", updateCustomerRequestSchema],
    ["updateCustomerResponse", customerResponseSchema],
    ["deleteCustomerResponse", customerResponseSchema],
  ] as const)("%s parses unchanged", (name, schema) => {
    expect(schema.parse(examples[name])).toEqual(examples[name]);
  });
});

describe("uploadRequestSchema", () => {
  const valid = examples.uploadRequest;

  it("refuses an empty customer list with the reference's message", () => {
    expect(problems(uploadRequestSchema.safeParse({ ...valid, customers: [] }))).toEqual({
      customers: "You must upload at least one customer",
    });
  });

  it("names the row and field of a customer with neither rego nor VIN", () => {
    const customers = [{ rego: "ABC123" }, { state: "VIC", rego: "  " }];
    expect(problems(uploadRequestSchema.safeParse({ ...valid, customers }))).toEqual({
      "customers.1.rego": "Missing required properties: enter a rego or a VIN",
    });
  });

  it("needs a name and defaults rego lookups to off", () => {
    const rest = without(valid, "name", "enable_rego_lookups");
    expect(problems(uploadRequestSchema.safeParse(rest))).toEqual({ name: "Give the upload a name" });
    expect(uploadRequestSchema.parse({ ...rest, name: "June" }).enable_rego_lookups).toBe(false);
  });

  it("refuses a name over 200 characters, naming the field", () => {
    expect(uploadRequestSchema.safeParse({ ...valid, name: "N".repeat(200) }).success).toBe(true);
    expect(problems(uploadRequestSchema.safeParse({ ...valid, name: "N".repeat(201) }))).toEqual({
      name: "An upload name can be at most 200 characters",
    });
  });

  it("refuses a monitor window that ends before it starts", () => {
    const upload = { ...valid, monitor_start_date: "2023-06-01", monitor_end_date: "2022-06-01" };
    expect(problems(uploadRequestSchema.safeParse(upload))).toEqual({
      monitor_end_date: "The monitoring end date must be on or after the start date",
    });
  });

  it("refuses unknown fields instead of dropping them silently", () => {
    expect(
      Object.keys(problems(uploadRequestSchema.safeParse({ ...valid, monitor_start: "2022-06-01" }))),
    ).toEqual([""]);
  });
});

describe("customerInputSchema", () => {
  it.each(["2022-06-15", "2024-02-29", "2022-06-15T00:00:00.000Z", "2022-06-15T09:30:00+10:00"])(
    "accepts the date %s",
    (date) => {
      expect(customerInputSchema.parse({ vin: "1N4AL11D16N337720", sale_date: date }).sale_date).toBe(date);
    },
  );

  it.each(["2022-02-31", "2023-02-29", "15/06/2022", "2022-6-15", "2022-06-15T25:00:00Z", "yesterday"])(
    "refuses the date %s with a message for the field",
    (date) => {
      expect(problems(customerInputSchema.safeParse({ rego: "ABC123", monitor_start_date: date }))).toEqual({
        monitor_start_date: "Enter a real date as yyyy-mm-dd",
      });
    },
  );

  it("treats blank form fields as not given, and trims the rest", () => {
    expect(customerInputSchema.parse({ rego: " ABC123 ", state: "", vin: "", sale_date: "" })).toEqual({
      rego: "ABC123",
    });
  });

  it("is strict about types", () => {
    expect(
      problems(customerInputSchema.safeParse({ rego: 123, additional_fields: { nested: { deep: true } } })),
    ).toEqual({
      rego: "Must be text",
      "additional_fields.nested": "Additional fields must be text, numbers, true/false or empty",
    });
  });
});

describe("updateCustomerRequestSchema", () => {
  it('keeps "" and null, which clear a field upstream', () => {
    const clear = { external_id: "", sale_date: null, monitor_start_date: "", additional_fields: null };
    expect(updateCustomerRequestSchema.parse(clear)).toEqual(clear);
  });

  it("refuses fields the API does not let you change", () => {
    expect(updateCustomerRequestSchema.safeParse({ rego: "NEW123" }).success).toBe(false);
  });

  it("refuses an impossible date", () => {
    expect(problems(updateCustomerRequestSchema.safeParse({ sale_date: "2022-02-31" }))).toEqual({
      sale_date: "Enter a real date as yyyy-mm-dd",
    });
  });
});

describe("listCustomersQuerySchema", () => {
  it("coerces URL strings and treats empty values as absent", () => {
    expect(
      listCustomersQuerySchema.parse({
        offset: "500",
        limit: "",
        upload_id: examples.uploadResponse.upload.id,
      }),
    ).toEqual({ offset: 500, upload_id: examples.uploadResponse.upload.id });
  });

  it.each([
    [{ limit: "501" }, "limit", "Limit cannot be more than 500"],
    [{ limit: "0" }, "limit", "Limit must be at least 1"],
    [{ limit: "ten" }, "limit", "Limit must be a number"],
    [{ offset: "-1" }, "offset", "Offset cannot be negative"],
    [{ offset: "1.5" }, "offset", "Offset must be a whole number"],
    [{ upload_id: "../customers" }, "upload_id", "Invalid upload ID"],
  ])("refuses %j", (query, field, message) => {
    expect(problems(listCustomersQuerySchema.safeParse(query))).toEqual({ [field]: message });
  });

  it("drops unknown parameters so they never reach upstream", () => {
    expect(listCustomersQuerySchema.parse({ limit: "10", region: "au", debug: "1" })).toEqual({ limit: 10 });
  });
});

describe("ids and regions", () => {
  it.each(["..", "%2e%2e", "../upload/x", `${examples.getCustomerResponse.customer.id}0`, "", "not-an-id"])(
    "refuses the id %j",
    (id) => {
      expect(customerIdSchema.safeParse(id).success).toBe(false);
      expect(uploadIdSchema.safeParse(id).success).toBe(false);
    },
  );

  it("accepts the reference's ids and seeded ids outside the RFC versions", () => {
    expect(customerIdSchema.parse("0000c339-1fb4-4d15-9b46-6509f2c5a2a4")).toBeTruthy();
    expect(uploadIdSchema.parse("00000000-0000-0000-0000-000000000001")).toBeTruthy();
  });

  it("allows only the regions on the allow-list", () => {
    expect(regionSchema.options).toEqual(["au", "nz", "uk", "my"]);
    expect(regionSchema.safeParse("us").error?.issues[0]?.message).toBe(
      "Region must be one of au, nz, uk, my",
    );
  });
});

describe("response schemas", () => {
  const customer = examples.getCustomerResponse.customer;

  it("fill nullable fields upstream left out", () => {
    const sparse = without(customer, "vin", "vehicle_title");
    const parsed = customerResponseSchema.parse({ success: true, customer: sparse }).customer;
    expect(parsed.vin).toBeNull();
    expect(parsed.vehicle_title).toBeNull();
  });

  it("keep http(s) listing links and let null through quietly", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const sighting = customer.sightings[0]!;
    const parse = (listing_url: unknown) =>
      customerResponseSchema.parse({
        success: true,
        customer: { ...customer, sightings: [{ ...sighting, listing_url }] },
      }).customer.sightings[0]?.listing_url;
    expect(parse(sighting.listing_url)).toBe(sighting.listing_url);
    expect(parse("http://example.com/listing")).toBe("http://example.com/listing");
    expect(parse(null)).toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });

  it.each(["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,hi", "not a url", 42])(
    "show a sighting whose listing link is %j without a link, and warn once without the link",
    (listing_url) => {
      const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
      const good = customer.sightings[0]!;
      const bad = { ...good, lead_id: "bad-lead", listing_url };
      const parsed = customerResponseSchema.parse({
        success: true,
        customer: { ...customer, sightings: [good, bad] },
      }).customer;
      expect(parsed.sightings.map((sighting) => sighting.listing_url)).toEqual([good.listing_url, null]);
      expect(parsed.sightings[1]).toMatchObject({ lead_id: "bad-lead", listing_title: good.listing_title });
      expect(warn).toHaveBeenCalledTimes(1);
      const line = String(warn.mock.calls[0]?.[0]);
      expect(line).toContain('"bad-lead"');
      expect(line).not.toContain("alert");
      expect(line).not.toContain("text/html");
    },
  );

  it("refuse an upload whose id could not be used in a URL", () => {
    const upload = { ...examples.uploadResponse.upload, id: "../customers" };
    expect(uploadResponseSchema.safeParse({ success: true, upload }).success).toBe(false);
  });
});

describe("customer lists", () => {
  const [first, second] = examples.listCustomersResponse.customers;

  it("keep a customer that can't be read as one marked entry, and warn once for it", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const broken = { ...second, last_updated: "yesterday", sightings: [{ at: "soon" }] };
    const nameless = { rego: "NOID1" };
    const parsed = customerListResponseSchema.parse({
      success: true,
      total: 3,
      customers: [first, broken, nameless],
    });
    expect(parsed.customers[0]).toEqual(first);
    expect(parsed.customers[1]).toEqual({
      unreadable: true,
      id: second!.id,
      problem: expect.stringContaining("last_updated: Invalid ISO datetime"),
    });
    expect(parsed.customers[1]).toMatchObject({ problem: expect.stringContaining("sightings.0.at") });
    expect(parsed.customers[2]).toEqual({ unreadable: true, problem: expect.stringContaining("id:") });
    expect(warn).toHaveBeenCalledTimes(2);
    expect(String(warn.mock.calls[0]?.[0])).toContain(second!.id);
    expect(String(warn.mock.calls[0]?.[0])).not.toContain("yesterday");

    // The browser parses the server's answer again: markers come through as they are, without a warning.
    warn.mockClear();
    expect(customerListResponseSchema.parse(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
    expect(warn).not.toHaveBeenCalled();
  });

  it("keep one customer read or deleted by id as the marker when it can't be read", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const broken = { ...second, last_updated: "yesterday" };
    expect(customerEntryResponseSchema.parse({ success: true, customer: broken }).customer).toEqual({
      unreadable: true,
      id: second!.id,
      problem: expect.stringContaining("last_updated"),
    });
    expect(customerEntryResponseSchema.parse({ success: true, customer: first }).customer).toEqual(first);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it("still refuse an answer that isn't a list at all", () => {
    expect(customerListResponseSchema.safeParse({ success: true, total: 1, customers: first }).success).toBe(
      false,
    );
  });
});

describe("length limits", () => {
  const long = (length: number) => "A".repeat(length);

  it("accept each value at its limit", () => {
    expect(
      customerInputSchema.safeParse({
        rego: long(CUSTOMER_LIMITS.rego),
        state: long(CUSTOMER_LIMITS.state),
        vin: long(CUSTOMER_LIMITS.vin),
        external_id: long(CUSTOMER_LIMITS.external_id),
        additional_fields: Object.fromEntries(
          Array.from({ length: CUSTOMER_LIMITS.additionalFields }, (_, i) => [
            `${i}`.padEnd(CUSTOMER_LIMITS.additionalFieldName, "x"),
            long(CUSTOMER_LIMITS.additionalFieldValue),
          ]),
        ),
      }).success,
    ).toBe(true);
  });

  it("name each field that is too long", () => {
    expect(
      problems(
        customerInputSchema.safeParse({
          rego: long(21),
          state: long(41),
          vin: long(18),
          external_id: long(101),
          sale_date: `2022-06-15${" ".repeat(10)}${"0".repeat(40)}`,
        }),
      ),
    ).toEqual({
      rego: "A rego has at most 20 characters",
      state: "A state has at most 40 characters",
      vin: "A VIN has at most 17 characters",
      external_id: "An external ID has at most 100 characters",
      sale_date: "Enter a real date as yyyy-mm-dd",
    });
  });

  it("measure after trimming, as the value is sent", () => {
    expect(customerInputSchema.parse({ vin: `  ${long(17)}  ` }).vin).toBe(long(17));
  });

  it("limit additional fields: names, values and how many", () => {
    const fields = (count: number) =>
      Object.fromEntries(Array.from({ length: count }, (_, i) => [`field_${i}`, "x"]));
    expect(
      problems(customerInputSchema.safeParse({ rego: "ABC123", additional_fields: fields(51) })),
    ).toEqual({ additional_fields: "A customer has at most 50 additional fields" });
    expect(
      problems(
        customerInputSchema.safeParse({
          rego: "ABC123",
          additional_fields: { [long(65)]: "x", notes: long(1001) },
        }),
      ),
    ).toEqual({
      additional_fields: "An additional field name has at most 64 characters",
      "additional_fields.notes": 'Additional field "notes" has at most 1,000 characters',
    });
  });

  it("apply to the customers of an upload, by row, and to a PATCH", () => {
    const upload = { ...examples.uploadRequest, customers: [{ rego: "ABC123" }, { vin: long(18) }] };
    expect(problems(uploadRequestSchema.safeParse(upload))).toEqual({
      "customers.1.vin": "A VIN has at most 17 characters",
    });
    expect(
      problems(
        createCustomerRequestSchema.safeParse({ customer: { rego: "ABC123", external_id: long(101) } }),
      ),
    ).toEqual({ "customer.external_id": "An external ID has at most 100 characters" });
    expect(
      problems(
        updateCustomerRequestSchema.safeParse({
          external_id: long(101),
          additional_fields: { a: long(1001) },
        }),
      ),
    ).toEqual({
      external_id: "An external ID has at most 100 characters",
      "additional_fields.a": 'Additional field "a" has at most 1,000 characters',
    });
  });
});
