import { describe, expect, it } from "vitest";
import type { ColumnMapping } from "@/lib/csv/column-mapping";
import { createRowChecker, type RowProblem } from "@/lib/csv/row-check";
import {
  CUSTOMER_RULE_MESSAGES,
  hasRegoOrVin,
  monitorWindowRunsForwards,
} from "@/lib/recapture/customer-rules";
import { customerInputSchema } from "@/lib/recapture/schemas";

type Rule = keyof typeof CUSTOMER_RULE_MESSAGES;

interface Case {
  name: string;
  rego?: string;
  vin?: string;
  start?: string;
  end?: string;
  broken: Rule[];
}

const REGO = "ABC123";
const VIN = "1N4AL11D16N337720";

const CASES: Case[] = [
  { name: "a rego alone", rego: REGO, broken: [] },
  { name: "a VIN alone", vin: VIN, broken: [] },
  { name: "a rego and a VIN", rego: REGO, vin: VIN, broken: [] },
  { name: "neither rego nor VIN", broken: ["regoOrVin"] },
  { name: "a window with only a start", rego: REGO, start: "2022-07-01", broken: [] },
  { name: "a window with only an end", rego: REGO, end: "2022-07-01", broken: [] },
  { name: "a window of one day", rego: REGO, start: "2022-07-01", end: "2022-07-01", broken: [] },
  { name: "a window running forwards", vin: VIN, start: "2022-07-01", end: "2023-06-30", broken: [] },
  {
    name: "a window ending the day before it starts",
    rego: REGO,
    start: "2022-07-01",
    end: "2022-06-30",
    broken: ["monitorWindow"],
  },
  {
    name: "a window ending a year early",
    vin: VIN,
    start: "2023-01-01",
    end: "2022-12-31",
    broken: ["monitorWindow"],
  },
  {
    name: "no rego or VIN and a backwards window",
    start: "2022-07-01",
    end: "2022-01-01",
    broken: ["regoOrVin", "monitorWindow"],
  },
];

/** The rules a request schema says are broken, read from where and what its issues say. */
function brokenBySchema({ rego, vin, start, end }: Case): Rule[] {
  const result = customerInputSchema.safeParse({
    rego,
    vin,
    monitor_start_date: start,
    monitor_end_date: end,
  });
  const issues = result.success ? [] : result.error.issues;
  const says = (rule: Rule, field: string) =>
    issues.some((issue) => issue.path[0] === field && issue.message === CUSTOMER_RULE_MESSAGES[rule].field);
  return (["regoOrVin", "monitorWindow"] as const).filter((rule) =>
    says(rule, rule === "regoOrVin" ? "rego" : "monitor_end_date"),
  );
}

const HEADERS = ["Rego", "VIN", "Monitor From", "Monitor Until"];
const MAPPING: ColumnMapping[] = [
  { target: { kind: "field", field: "rego" } },
  { target: { kind: "field", field: "vin" } },
  { target: { kind: "field", field: "monitor_start_date" }, dateFormat: "ymd" },
  { target: { kind: "field", field: "monitor_end_date" }, dateFormat: "ymd" },
];
// New Zealand, so a rego without a state is not a warning of its own.
const checkRow = createRowChecker(HEADERS, MAPPING, "nz");

/** The rules the CSV row check says are broken, by the messages of its problems. */
function brokenByRowCheck({ rego, vin, start, end }: Case): Rule[] {
  const problems: RowProblem[] = [];
  checkRow([rego ?? "", vin ?? "", start ?? "", end ?? ""], 2, problems);
  return (["regoOrVin", "monitorWindow"] as const).filter((rule) =>
    problems.some(
      (problem) => problem.severity === "error" && problem.message.endsWith(CUSTOMER_RULE_MESSAGES[rule].row),
    ),
  );
}

describe("the customer rules", () => {
  it.each(CASES)("request schema and CSV row check agree on $name", (rulesCase) => {
    expect(brokenBySchema(rulesCase)).toEqual(rulesCase.broken);
    expect(brokenByRowCheck(rulesCase)).toEqual(rulesCase.broken);
  });

  it("need a rego or a VIN", () => {
    expect(hasRegoOrVin(REGO, undefined)).toBe(true);
    expect(hasRegoOrVin(null, VIN)).toBe(true);
    expect(hasRegoOrVin("", null)).toBe(false);
  });

  it("compare a date with a date-time by the moment each stands for", () => {
    expect(monitorWindowRunsForwards("2022-07-01", "2022-07-01T00:00:00.000Z")).toBe(true);
    expect(monitorWindowRunsForwards("2022-07-01T10:00:00+10:00", "2022-07-01")).toBe(true);
    expect(monitorWindowRunsForwards("2022-07-01", "2022-06-30T23:59:59Z")).toBe(false);
  });
});
