import { describe, expect, it } from "vitest";
import {
  additionalFieldKey,
  autoMapColumns,
  mappingProblems,
  mappingSignature,
  matchRecaptureField,
  restoreMapping,
  type ColumnMapping,
  type ColumnTarget,
  type RecaptureField,
} from "@/lib/csv/column-mapping";

const field = (name: RecaptureField): ColumnTarget => ({ kind: "field", field: name });
const additional = (key: string): ColumnTarget => ({ kind: "additional", key });
const ignore: ColumnTarget = { kind: "ignore" };

describe("matchRecaptureField", () => {
  it.each([
    ["Rego No.", "rego"],
    ["Rego", "rego"],
    ["REGO #", "rego"],
    ["Registration", "rego"],
    ["Registration No", "rego"],
    ["Registration Number", "rego"],
    ["Plate", "rego"],
    ["Number Plate", "rego"],
    ["VIN/Chassis", "vin"],
    ["VIN", "vin"],
    ["VIN Number", "vin"],
    ["Chassis Number", "vin"],
    ["Chassis No", "vin"],
    ["State", "state"],
    ["Registration State", "state"],
    ["Rego State", "state"],
    ["Date Sold", "sale_date"],
    ["Sale Date", "sale_date"],
    ["Delivery Date", "sale_date"],
    ["Purchased", "sale_date"],
    ["Purchase Date", "sale_date"],
    ["Customer No", "external_id"],
    ["Customer Number", "external_id"],
    ["CRM ID", "external_id"],
    ["Customer ID", "external_id"],
    ["Cust #", "external_id"],
    ["external_id", "external_id"],
    ["Monitor From", "monitor_start_date"],
    ["Monitor Start Date", "monitor_start_date"],
    ["Monitor Until", "monitor_end_date"],
    ["monitor_end_date", "monitor_end_date"],
  ])("reads %j as %s", (header, expected) => {
    expect(matchRecaptureField(header)).toBe(expected);
  });

  it.each([
    "Stock No",
    "Invoice Date",
    "Customer",
    "Customer Name",
    "Licence No",
    "Registration Date",
    "Rego Expiry",
    "Account No",
  ])("leaves %j to additional fields", (header) => {
    expect(matchRecaptureField(header)).toBeUndefined();
  });
});

describe("additionalFieldKey", () => {
  it("makes snake_case keys, with a column number for a blank header", () => {
    expect(additionalFieldKey("Customer Name", 1)).toBe("customer_name");
    expect(additionalFieldKey(" E-mail Address ", 2)).toBe("e_mail_address");
    expect(additionalFieldKey("Salesperson (Main)", 3)).toBe("salesperson_main");
    expect(additionalFieldKey("Suburb/Ville", 4)).toBe("suburb_ville");
    expect(additionalFieldKey("Prénom", 5)).toBe("prenom");
    expect(additionalFieldKey("", 6)).toBe("column_7");
  });
});

describe("autoMapColumns", () => {
  it("maps a dealer export's columns", () => {
    const headers = [
      "Customer No",
      "Customer Name",
      "Rego No.",
      "Registration State",
      "VIN/Chassis",
      "Date Sold",
      "Stock No",
    ];
    const rows = [["C1", "Jo", "ABC123", "VIC", "", "15/06/2022", "S1"]];
    expect(autoMapColumns(headers, rows)).toEqual([
      { target: field("external_id") },
      { target: additional("customer_name") },
      { target: field("rego") },
      { target: field("state") },
      { target: field("vin") },
      { target: field("sale_date"), dateFormat: "dmy" },
      { target: additional("stock_no") },
    ]);
  });

  it("never maps two columns to one field: the better spelling wins, the other keeps its name", () => {
    const mapping = autoMapColumns(["State", "Registration State", "Date Sold", "Delivery Date"], []);
    expect(mapping.map(({ target }) => target)).toEqual([
      additional("state"),
      field("state"),
      field("sale_date"),
      additional("delivery_date"),
    ]);
  });

  it("picks the date format that fits the column's values", () => {
    const mapping = autoMapColumns(
      ["Sale Date", "Monitor Until"],
      [
        ["2022-06-15", "44727"],
        ["2022-07-01", "44743"],
      ],
    );
    expect(mapping.map(({ dateFormat }) => dateFormat)).toEqual(["ymd", "excel"]);
  });

  it("judges the format on the dates it can read, so one impossible date doesn't undo the choice", () => {
    const mapping = autoMapColumns(["Date Sold"], [["06/15/2022"], ["02/31/2022"], ["07/01/2022"]]);
    expect(mapping[0]?.dateFormat).toBe("mdy");
  });

  it("keeps additional keys unique and ignores empty unnamed columns and the not-sent file's problem column", () => {
    const mapping = autoMapColumns(
      ["Name", "name", "", "", "problem"],
      [["Jo", "Jo", "", "x", "Row 2: needs a rego or a VIN"]],
    );
    expect(mapping.map(({ target }) => target)).toEqual([
      additional("name"),
      additional("name_2"),
      ignore,
      additional("column_4"),
      ignore,
    ]);
  });
});

describe("mappingSignature and restoreMapping", () => {
  it("gives headers differing only in case and punctuation one signature", () => {
    expect(mappingSignature(["Rego No.", "VIN/Chassis"])).toBe(mappingSignature(["rego no", "VIN Chassis"]));
    expect(mappingSignature(["Rego No.", "VIN/Chassis"])).not.toBe(
      mappingSignature(["VIN/Chassis", "Rego No."]),
    );
  });

  it("restores a stored mapping only when it is well formed and fits the headers", () => {
    const stored: ColumnMapping[] = [{ target: field("rego") }, { target: ignore }];
    expect(restoreMapping(["Rego", "Notes"], JSON.parse(JSON.stringify(stored)))).toEqual(stored);
    expect(restoreMapping(["Rego"], stored)).toBeUndefined();
    expect(
      restoreMapping(["Rego", "Notes"], [{ target: { kind: "field", field: "plate" } }, { target: ignore }]),
    ).toBeUndefined();
    expect(restoreMapping(["Rego", "Notes"], "garbage")).toBeUndefined();
  });
});

describe("mappingProblems", () => {
  const headers = ["Rego", "Plate", "Notes"];
  it("refuses two columns on one field or key, and a mapping with neither rego nor VIN", () => {
    const mapping: ColumnMapping[] = [
      { target: field("rego") },
      { target: field("rego") },
      { target: additional("notes") },
    ];
    expect(mappingProblems(headers, mapping, "nz")).toEqual([
      {
        severity: "error",
        message: '"Rego" and "Plate" are each mapped to rego; map only one of them there',
      },
    ]);
    expect(
      mappingProblems(
        headers,
        [{ target: ignore }, { target: additional("a") }, { target: additional("a") }],
        "nz",
      ),
    ).toEqual([
      {
        severity: "error",
        message: '"Plate" and "Notes" are each mapped to additional field "a"; map only one of them there',
      },
      {
        severity: "error",
        message: "Map a column to rego or VIN: Recapture needs one of them to track a car",
      },
    ]);
  });

  it("refuses an additional field without a name", () => {
    expect(
      mappingProblems(
        headers,
        [{ target: field("rego") }, { target: additional(" ") }, { target: ignore }],
        "nz",
      ),
    ).toEqual([
      { severity: "error", message: 'Give column "Plate" a name for its additional field, or ignore it' },
    ]);
  });

  it("refuses an additional field name longer than Recapture takes", () => {
    expect(
      mappingProblems(
        headers,
        [{ target: field("rego") }, { target: additional("n".repeat(65)) }, { target: ignore }],
        "nz",
      ),
    ).toEqual([
      {
        severity: "error",
        message: 'Give column "Plate" a shorter name for its additional field: at most 64 characters',
      },
    ]);
    expect(
      mappingProblems(
        headers,
        [{ target: field("rego") }, { target: additional("n".repeat(64)) }, { target: ignore }],
        "nz",
      ),
    ).toEqual([]);
  });

  it("refuses more additional fields than a customer can hold, keeping one for chassis numbers", () => {
    const wide = (extra: number, first: ColumnTarget) => {
      const mapping: ColumnMapping[] = [
        { target: first },
        ...Array.from({ length: extra }, (_, i) => ({ target: additional(`field_${i}`) })),
      ];
      return mappingProblems(
        mapping.map((_, i) => `Column ${i}`),
        mapping,
        "nz",
      );
    };
    expect(wide(50, field("rego"))).toEqual([]);
    expect(wide(51, field("rego"))).toEqual([
      {
        severity: "error",
        message:
          "51 columns are sent as additional fields, and a customer has at most 50; ignore the columns you don't need",
      },
    ]);
    expect(wide(49, field("vin"))).toEqual([]);
    expect(wide(50, field("vin"))).toEqual([
      {
        severity: "error",
        message:
          "50 columns are sent as additional fields, and a customer has at most 50 (49 here: one is kept for chassis numbers in the VIN column); ignore the columns you don't need",
      },
    ]);
  });

  it("warns when Australian regos have no state column", () => {
    const mapping: ColumnMapping[] = [{ target: field("rego") }, { target: ignore }, { target: ignore }];
    expect(mappingProblems(headers, mapping, "au")).toEqual([
      expect.objectContaining({
        severity: "warning",
        message: expect.stringContaining("No column is mapped to state"),
      }),
    ]);
    expect(mappingProblems(headers, mapping, "uk")).toEqual([]);
  });
});
