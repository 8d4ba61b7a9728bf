import type { RecaptureField } from "@/lib/csv/column-mapping";
import { DATE_FORMATS, DATE_FORMAT_LABELS, readColumnDate, type DateFormat } from "@/lib/csv/dates";
import {
  checkInto,
  decideAllDuplicates,
  isSent,
  rebuildOverrides,
  type ColumnFix,
  type ColumnFixAction,
  type Review,
} from "@/lib/csv/review";
import { ROW_ERROR, type ProblemCode, type RowProblem } from "@/lib/csv/row-check";

/**
 * Whole-column fixes: the rows with the same problem in the same column, gathered so
 * one choice fixes them all ("send these rows without it", "read as another format",
 * "don't send these rows"), and undone as easily. A fix changes how its rows are read,
 * never their cells, so undoing it gives back exactly what was there.
 */

/** The rows with one problem in one column, as the review offers to fix them together. */
export interface ProblemGroup {
  /** `columnIndex:code`, the same for as long as the problem lasts. */
  key: string;
  columnIndex: number;
  column: string;
  code: ProblemCode;
  severity: RowProblem["severity"];
  /** What is wrong with these cells: "can't be read as dd/mm/yyyy". */
  problem: string;
  rows: number;
  /** A few of the cells, as written. */
  examples: string[];
  /** The field is optional: a row can go without it. */
  canSendWithout: boolean;
  /** For dates: each other format that reads some of these cells, and how many. */
  readAs: { format: DateFormat; reads: number }[];
}

/** A fix as the review lists it, with what it did, so it can be undone. */
export interface FixSummary {
  id: number;
  groupKey: string;
  column: string;
  action: ColumnFixAction;
  /** "Sent 12 rows without Date Sold". */
  summary: string;
  rows: number;
}

/** Why rows are not sent, one reason per row (its first), the commonest first. */
export interface NotSentReason {
  /** A problem group's key when the reason is a column's, so the review can be opened at it. */
  key: string;
  /** Follows "12 rows": "whose Delivery Date can't be read as dd/mm/yyyy". */
  reason: string;
  rows: number;
  columnIndex?: number;
}

const EXAMPLES = 3;
// Fields a customer can go without; a rego or VIN is what tracks the car.
const REQUIRED_FIELDS: ReadonlySet<RecaptureField | undefined> = new Set(["rego", "vin"]);
const DATE_PROBLEMS: ReadonlySet<ProblemCode> = new Set(["unreadable-date", "not-a-real-date"]);

const INVALID_BY_FIELD: Partial<Record<RecaptureField, string>> = {
  rego: "isn't a rego",
  state: "isn't a state or territory",
  vin: "isn't a VIN",
};

function columnDateFormat(review: Review, columnIndex: number): DateFormat {
  return review.mapping[columnIndex]?.dateFormat ?? "dmy";
}

function describeProblem(review: Review, problem: RowProblem, columnIndex: number): string {
  switch (problem.code) {
    case "unreadable-date":
      return `can't be read as ${DATE_FORMAT_LABELS[columnDateFormat(review, columnIndex)]}`;
    case "not-a-real-date":
      return "isn't a real date";
    case "too-long":
      return "is too long";
    case "monitor-window":
      return "is before the monitoring start date";
    case "chassis-number":
      return "holds a chassis number, not a VIN";
    case "no-state":
      return "is empty beside a rego";
    default:
      return (problem.field && INVALID_BY_FIELD[problem.field]) ?? "can't be used";
  }
}

// Each follows "12 rows …".
const ROW_REASONS: Partial<Record<ProblemCode, string>> = {
  "no-rego-or-vin": "that have neither a rego nor a VIN",
  duplicate: "that repeat a car sent from another row",
  "left-out": "that you chose not to send",
  "already-monitored": "whose car is already monitored",
};

function headerOf(review: Review, columnIndex: number): string {
  return review.headers[columnIndex]?.trim() || `Column ${columnIndex + 1}`;
}

const groupKey = (columnIndex: number, code: ProblemCode) => `${columnIndex}:${code}`;

/** The rows with each problem in each column, left-out rows aside: errors first, then the largest. */
export function problemGroups(review: Review): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup & { rowIndexes: number[] }>();
  for (const [row, problems] of review.problems) {
    if (review.leftOut.has(row)) continue;
    for (const problem of problems) {
      const { columnIndex } = problem;
      if (columnIndex === undefined) continue;
      const key = groupKey(columnIndex, problem.code);
      let group = groups.get(key);
      if (!group) {
        group = {
          key,
          columnIndex,
          column: headerOf(review, columnIndex),
          code: problem.code,
          severity: problem.severity,
          problem: describeProblem(review, problem, columnIndex),
          rows: 0,
          examples: [],
          canSendWithout: problem.severity === "error" && !REQUIRED_FIELDS.has(problem.field),
          readAs: [],
          rowIndexes: [],
        };
        groups.set(key, group);
      }
      if (group.rowIndexes.at(-1) === row) continue;
      group.rows++;
      group.rowIndexes.push(row);
      const value = review.rows[row]?.[columnIndex]?.trim() ?? "";
      if (group.examples.length < EXAMPLES && !group.examples.includes(value)) group.examples.push(value);
    }
  }
  return [...groups.values()]
    .map(({ rowIndexes, ...group }) => ({
      ...group,
      readAs: DATE_PROBLEMS.has(group.code) ? otherReadings(review, group.columnIndex, rowIndexes) : [],
    }))
    .sort((a, b) => (a.severity === b.severity ? b.rows - a.rows : a.severity === "error" ? -1 : 1));
}

function otherReadings(review: Review, columnIndex: number, rows: readonly number[]) {
  const own = columnDateFormat(review, columnIndex);
  return DATE_FORMATS.filter((format) => format !== own)
    .map((format) => ({
      format,
      reads: rows.filter((row) => readColumnDate(review.rows[row]?.[columnIndex] ?? "", format) !== undefined)
        .length,
    }))
    .filter(({ reads }) => reads > 0);
}

function rowsInGroup(review: Review, key: string): number[] {
  const rows: number[] = [];
  for (const [row, problems] of review.problems) {
    if (review.leftOut.has(row)) continue;
    if (problems.some((p) => p.columnIndex !== undefined && groupKey(p.columnIndex, p.code) === key))
      rows.push(row);
  }
  return rows.sort((a, b) => a - b);
}

function quantity(count: number): string {
  return `${count.toLocaleString("en-AU")} ${count === 1 ? "row" : "rows"}`;
}

function fixSummary(action: ColumnFixAction, column: string, rows: number): string {
  switch (action.kind) {
    case "send-without":
      return `${quantity(rows)} sent without ${column}`;
    case "read-as":
      return `${column} read as ${DATE_FORMAT_LABELS[action.format]} in ${quantity(rows)}`;
    case "leave-out":
      return `${quantity(rows)} not sent`;
  }
}

let nextFixId = 1;

/**
 * Applies one action to every row in a problem group and checks those rows again.
 * Throws a RangeError when no row has the problem any more or the action doesn't fit it.
 */
export function applyColumnFix(review: Review, key: string, action: ColumnFixAction): FixSummary {
  const group = problemGroups(review).find((candidate) => candidate.key === key);
  if (!group) throw new RangeError(`No row has the problem ${key} any more`);
  if (action.kind === "send-without" && !group.canSendWithout)
    throw new RangeError(`${group.column} can't be left out: a customer needs it`);
  if (action.kind === "read-as" && !group.readAs.some(({ format }) => format === action.format))
    throw new RangeError(`No cell of this problem reads as ${action.format}`);
  const fix: ColumnFix = {
    id: nextFixId++,
    groupKey: key,
    columnIndex: group.columnIndex,
    action,
    rows: new Set(rowsInGroup(review, key)),
    leftOutBecause: `not sent: you chose to leave out the rows whose ${group.column} ${group.problem}`,
    summary: "",
  };
  fix.summary = fixSummary(action, group.column, fix.rows.size);
  review.fixes.push(fix);
  recheck(review, fix.rows);
  return summarise(review, fix);
}

/** Takes a fix back: its rows are read as they were before it. */
export function undoColumnFix(review: Review, id: number): void {
  const index = review.fixes.findIndex((fix) => fix.id === id);
  const fix = review.fixes[index];
  if (!fix) throw new RangeError(`No fix ${id}`);
  review.fixes.splice(index, 1);
  recheck(review, fix.rows);
}

function recheck(review: Review, rows: ReadonlySet<number>) {
  rebuildOverrides(review, rows);
  for (const row of rows) checkInto(review, row);
  decideAllDuplicates(review);
}

function summarise(review: Review, fix: ColumnFix): FixSummary {
  return {
    id: fix.id,
    groupKey: fix.groupKey,
    column: headerOf(review, fix.columnIndex),
    action: fix.action,
    summary: fix.summary,
    rows: fix.rows.size,
  };
}

export function fixSummaries(review: Review): FixSummary[] {
  return review.fixes.map((fix) => summarise(review, fix));
}

/** Each row not sent under its first reason, the reasons with the most rows first. */
export function notSentReasons(review: Review): NotSentReason[] {
  const reasons = new Map<string, NotSentReason>();
  const count = (key: string, reason: () => string, columnIndex?: number) => {
    const found = reasons.get(key);
    if (found) found.rows++;
    else reasons.set(key, { key, reason: reason(), rows: 1, columnIndex });
  };
  for (let row = 0; row < review.rows.length; row++) {
    if (isSent(review, row)) continue;
    if (review.leftOut.has(row)) {
      count("left-out", () => ROW_REASONS["left-out"] ?? "");
      continue;
    }
    const error =
      review.ownStatus[row] === ROW_ERROR
        ? review.problems.get(row)?.find((problem) => problem.severity === "error")
        : undefined;
    if (!error && review.duplicates.of[row] === -1)
      count("already-monitored", () => ROW_REASONS["already-monitored"] ?? "");
    else if (!error) count("duplicate", () => ROW_REASONS.duplicate ?? "");
    else if (error.columnIndex === undefined) count(`row:${error.code}`, () => ROW_REASONS[error.code] ?? "");
    else {
      const columnIndex = error.columnIndex;
      count(
        groupKey(columnIndex, error.code),
        () => `whose ${headerOf(review, columnIndex)} ${describeProblem(review, error, columnIndex)}`,
        columnIndex,
      );
    }
  }
  return [...reasons.values()].sort((a, b) => b.rows - a.rows);
}
