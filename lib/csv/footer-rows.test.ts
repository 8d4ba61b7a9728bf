import { describe, expect, it } from "vitest";
import { isFooterRow } from "@/lib/csv/footer-rows";

describe("isFooterRow", () => {
  it.each([
    [["Total deliveries: 2004"]],
    [["", "Total deliveries: 2,004", "", ""]],
    [["Total:", "2004"]],
    [["Grand total", "$1,250.50"]],
    [["Record count 2004"]],
    [["Number of customers", "", "", "18"]],
  ])("takes %j for a report's total line", (row) => expect(isFooterRow(row)).toBe(true));

  it.each([
    [["John Smith", "123456"]],
    [["ABC123", "VIC"]],
    [["Total deliveries: 2004", "VIC"]],
    [["Total", "2004", "12"]],
    [["C10421", "Total: 3"]],
    [["2004"]],
    [[]],
    [["Deliveries 2004"]],
  ])("doesn't take %j for one", (row) => expect(isFooterRow(row)).toBe(false));
});
