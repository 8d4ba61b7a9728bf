import { renderToStaticMarkup } from "react-dom/server";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import type { CustomerListEntry } from "@/lib/recapture/schemas";
import { testCustomer } from "@/lib/testing/test-customer";
import { ADDITIONAL_FIELDS_GROUP, additionalFieldColumns } from "./additional-field-columns";

const customer = (additional_fields: Record<string, unknown> | null): CustomerListEntry =>
  testCustomer({ id: "00000000-0000-4000-8000-000000000001", rego: "ZEN407", additional_fields });

type Cell = (context: { row: { original: CustomerListEntry } }) => ReactNode;

function cellText(columnIndex: number, entry: CustomerListEntry): string {
  const column = additionalFieldColumns(["salesperson", "vip"])[columnIndex]!;
  return renderToStaticMarkup((column.cell as Cell)({ row: { original: entry } })).replace(/<[^>]+>/g, "");
}

describe("additionalFieldColumns", () => {
  it("makes a column field:<name> per field, headed and listed by the field's name under Additional fields", () => {
    const columns = additionalFieldColumns(["customer_name", "salesperson"]);
    expect(columns.map((column) => column.id)).toEqual(["field:customer_name", "field:salesperson"]);
    expect(columns.map((column) => column.header)).toEqual(["customer_name", "salesperson"]);
    expect(columns[0]!.meta).toMatchObject({ label: "customer_name", menuGroup: ADDITIONAL_FIELDS_GROUP });
  });

  it("shows the customer's value for the field as text, or a dash when it has none", () => {
    expect(cellText(0, customer({ salesperson: "Priya Sharma" }))).toBe("Priya Sharma");
    expect(cellText(1, customer({ vip: true }))).toBe("Yes");
    expect(cellText(0, customer({ salesperson: "" }))).toBe("—");
    expect(cellText(0, customer({ branch: "Ringwood" }))).toBe("—");
    expect(cellText(0, customer(null))).toBe("—");
  });
});
