import { describe, expect, it } from "vitest";
import { fieldColumnId, fieldOfColumn } from "./field-names";

describe("additional field columns", () => {
  it("names a field's column field:<name>, and reads the field back from it", () => {
    expect(fieldColumnId("customer_name")).toBe("field:customer_name");
    expect(fieldOfColumn("field:customer_name")).toBe("customer_name");
    expect(fieldOfColumn(fieldColumnId("field:odd: name"))).toBe("field:odd: name");
  });

  it("says a column of the table's own is not a field's", () => {
    expect(fieldOfColumn("vin")).toBeUndefined();
    expect(fieldOfColumn("rego")).toBeUndefined();
  });
});
