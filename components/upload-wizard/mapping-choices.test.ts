import { describe, expect, it } from "vitest";
import {
  choiceOf,
  dateFormatWarning,
  dateTallyText,
  isDateMapping,
  mappingForChoice,
} from "@/components/upload-wizard/mapping-choices";

describe("mapping choices", () => {
  it("round-trips a field, an additional field and ignore through the select value", () => {
    for (const choice of ["rego", "additional", "ignore"]) {
      expect(choiceOf(mappingForChoice(choice, "Customer Name", 1, []))).toBe(choice);
    }
  });

  it("names an additional field after its column, or its position when the header is blank", () => {
    expect(mappingForChoice("additional", "Customer Name", 1, [])).toEqual({
      target: { kind: "additional", key: "customer_name" },
    });
    expect(mappingForChoice("additional", " ", 4, [])).toEqual({
      target: { kind: "additional", key: "column_5" },
    });
  });

  it("gives a date field the first format its values fit, else dd/mm/yyyy", () => {
    expect(mappingForChoice("sale_date", "Purchased", 6, ["ymd"])).toEqual({
      target: { kind: "field", field: "sale_date" },
      dateFormat: "ymd",
    });
    expect(mappingForChoice("sale_date", "Purchased", 6, []).dateFormat).toBe("dmy");
    expect(isDateMapping(mappingForChoice("monitor_end_date", "Until", 0, []))).toBe(true);
    expect(isDateMapping(mappingForChoice("vin", "VIN", 0, []))).toBe(false);
  });
});

describe("date format warning", () => {
  it("says nothing when one format fits and it is the one chosen", () => {
    expect(dateFormatWarning("dmy", ["dmy"])).toBeUndefined();
  });

  it("asks for a check when the values fit more than one format", () => {
    expect(dateFormatWarning("dmy", ["dmy", "mdy"])).toBe(
      "These dates read as dd/mm/yyyy and mm/dd/yyyy: check which one your system writes.",
    );
  });

  it("points to the format that fits when another was chosen, and warns when none fits", () => {
    expect(dateFormatWarning("mdy", ["dmy"])).toBe(
      "Some values aren't written as mm/dd/yyyy; dd/mm/yyyy fits them all.",
    );
    expect(dateFormatWarning("dmy", [])).toMatch(/^No single format fits every value/);
  });

  it("says what a date format reads of a column's values", () => {
    const tally = { values: 14, dayFirst: 4, monthFirst: 3, yearFirst: 7, serial: 2, recentSerial: 1 };
    expect(dateTallyText(tally, "dmy")).toBe(
      "Of 14 values: 4 read as dd/mm/yyyy, 7 as yyyy-mm-dd and 1 as an Excel date number; 2 can't be read as a date.",
    );
    expect(dateTallyText(tally, "ymd")).toBe(
      "Of 14 values: 7 read as yyyy-mm-dd; 7 can't be read as a date.",
    );
    expect(dateTallyText({ ...tally, values: 2, serial: 2 }, "excel")).toBe(
      "Of 2 values: 2 read as Excel date numbers.",
    );
  });
});
