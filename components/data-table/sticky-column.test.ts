import { describe, expect, it } from "vitest";
import { stickyColumnId } from "@/components/data-table/sticky-column";

const column = (id: string, sticky?: boolean) => ({ id, columnDef: { meta: { label: id, sticky } } });

describe("stickyColumnId", () => {
  it("keeps the column marked sticky in view, not the expand button before it", () => {
    expect(stickyColumnId([column("expand"), column("rego", true), column("vin")])).toBe("rego");
  });

  it("keeps the first column in view when none is marked", () => {
    expect(stickyColumnId([column("name"), column("progress")])).toBe("name");
    expect(stickyColumnId([{ id: "when", columnDef: {} }])).toBe("when");
  });

  it("falls back to the first visible column when the marked one is hidden", () => {
    expect(stickyColumnId([column("expand"), column("state")])).toBe("expand");
  });

  it("has none for a table with no visible columns", () => {
    expect(stickyColumnId([])).toBeUndefined();
  });
});
