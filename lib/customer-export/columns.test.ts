import { describe, expect, it } from "vitest";
import { CUSTOMER_COLUMNS, exportColumnsParam, MAX_EXPORT_COLUMNS, parseExportColumns } from "./columns";

describe("the export's columns", () => {
  it("takes the table's column ids in their order, once each, and every column when none are named", () => {
    expect(parseExportColumns("sightings, rego,field:customer_name,rego")).toEqual({
      columns: ["sightings", "rego", "field:customer_name"],
    });
    expect(parseExportColumns(null)).toEqual({ columns: [...CUSTOMER_COLUMNS] });
    expect(parseExportColumns("")).toEqual({ columns: [...CUSTOMER_COLUMNS] });
  });

  it("names the ids it doesn't know", () => {
    const result = parseExportColumns("rego,password,field:,expand");
    expect(result).toEqual({
      error: expect.stringContaining('Unknown columns: "password", "field:", "expand"'),
    });
  });

  it("bounds the field names and the number of columns", () => {
    expect(parseExportColumns(`field:${"n".repeat(64)}`)).toEqual({ columns: [`field:${"n".repeat(64)}`] });
    expect(parseExportColumns(`field:${"n".repeat(65)}`)).toHaveProperty("error");
    const many = Array.from({ length: MAX_EXPORT_COLUMNS + 1 }, (_, i) => `field:f${i}`).join(",");
    expect(parseExportColumns(many)).toEqual({ error: expect.stringContaining("at most 60 columns") });
  });

  it("writes a table's visible columns, leaving out those that aren't data", () => {
    expect(exportColumnsParam(["expand", "rego", "sightings", "field:phone"])).toBe(
      "rego,sightings,field:phone",
    );
  });
});
