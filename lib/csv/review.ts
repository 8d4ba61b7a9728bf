import type { MonitoringCustomer } from "@/lib/customer-index/already-monitored";
import type { Region } from "@/lib/recapture/regions";
import { isHeldBackAsMonitored, monitoredProblem, monitoringCustomerOf } from "@/lib/csv/already-monitored";
import type { ColumnMapping } from "@/lib/csv/column-mapping";
import { CsvFileError } from "@/lib/csv/csv-file-error";
import { serialYearsFrom, type DateFormat } from "@/lib/csv/dates";
import {
  CAR_REGO,
  CAR_STATE,
  CAR_VIN,
  createDuplicates,
  markAllDuplicates,
  recordCar,
  updateDuplicates,
  type CanBeSent,
  type DuplicatePolicy,
  type Duplicates,
} from "@/lib/csv/duplicates";
import { isFooterRow } from "@/lib/csv/footer-rows";
import { isBlankRow } from "@/lib/csv/parse";
import {
  ROW_ERROR,
  ROW_OK,
  ROW_WARNING,
  createRowChecker,
  type RowChecker,
  type RowOverrides,
  type RowProblem,
  type UploadCustomer,
} from "@/lib/csv/row-check";

export interface ReviewOptions {
  headerRowIndex: number;
  mapping: readonly ColumnMapping[];
  region: Region;
  duplicatePolicy?: DuplicatePolicy;
  /** For the years of Excel serials a day- or month-first column reads; today by default. */
  today?: Date;
}

/** What a whole-column fix does to its rows (see column-fixes.ts). */
export type ColumnFixAction =
  { kind: "send-without" } | { kind: "read-as"; format: DateFormat } | { kind: "leave-out" };

export interface ColumnFix {
  id: number;
  groupKey: string;
  columnIndex: number;
  action: ColumnFixAction;
  /** The rows it applies to: those with the problem when it was applied. */
  rows: Set<number>;
  /** Said of each row a leave-out fix keeps back. */
  leftOutBecause: string;
  summary: string;
}

/** A line below the header that is not a customer: the total line at the foot of a report. */
export interface SkippedLine {
  rowNumber: number;
  text: string;
}

/**
 * Every data row of the file, normalised and checked. It lives where the work runs (the
 * Web Worker), which hands the page what it shows: counts, a window of rows, one row.
 * Per-row results sit in parallel arrays indexed by data row, and problems only where
 * there are some, so 100,000 rows cost little more than their cells.
 */
export interface Review {
  readonly headers: readonly string[];
  readonly mapping: readonly ColumnMapping[];
  /** Data rows below the header, blank and total lines left out; edits change these cells. */
  readonly rows: string[][];
  /** The row number Excel shows for each data row (the header and title lines count). */
  readonly rowNumbers: Uint32Array;
  readonly blankRowsSkipped: number;
  /** Total lines ("Total deliveries: 2004") below the header, skipped like blank lines. */
  readonly totalLinesSkipped: readonly SkippedLine[];
  readonly region: Region;
  duplicatePolicy: DuplicatePolicy;
  readonly customers: UploadCustomer[];
  /** Each row's own problems (duplicates aside), for the rows that have any. */
  readonly problems: Map<number, RowProblem[]>;
  /** Each row's own status: ROW_OK, ROW_WARNING or ROW_ERROR. */
  readonly ownStatus: Uint8Array;
  readonly duplicates: Duplicates;
  readonly checkRow: RowChecker;
  /** What whole-column fixes change, for the rows they touch (see column-fixes.ts). */
  readonly overrides: Map<number, RowOverrides>;
  /** Rows the person chose not to send, with why (a description of the fix). */
  readonly leftOut: Map<number, string>;
  /** Whole-column fixes in the order they were applied; their overrides are in `overrides` and `leftOut`. */
  readonly fixes: ColumnFix[];
  /** The customer already monitoring each row's car, as the customer index answered (see already-monitored.ts). */
  readonly monitored: Map<number, MonitoringCustomer>;
  /** The person chose to send rows whose car is monitored already. */
  sendAlreadyMonitored: boolean;
}

export type RowStatus = "ok" | "warning" | "error";

export interface ReviewedRow {
  index: number;
  rowNumber: number;
  cells: readonly string[];
  customer: UploadCustomer;
  status: RowStatus;
  sent: boolean;
  problems: RowProblem[];
  /** Row number of the row for the same car that is sent instead (or, keeping every row, the first). */
  duplicateOfRow?: number;
  /** The customer already monitoring this row's car, sent or not. */
  monitoredBy?: MonitoringCustomer;
}

export interface ReviewCounts {
  /** Data rows in the file; always sent + notSent. */
  rowsInFile: number;
  sent: number;
  notSent: number;
  /** Rows not sent because of an error of their own. */
  withErrors: number;
  /** Rows not sent because another row is the same car. */
  duplicatesNotSent: number;
  /** Rows the person chose not to send (a whole-column fix). */
  leftOut: number;
  /** Rows that could be sent whose car is monitored already; not sent unless sendAlreadyMonitored. */
  alreadyMonitored: number;
  sendAlreadyMonitored: boolean;
  /** Rows sent with a warning. */
  sentWithWarnings: number;
  /** Rows sent with a rego (and, in Australia, a state) but no VIN: a paid lookup each when rego lookups are on. */
  paidLookups: number;
  /** Empty lines below the header; not rows of the file's data, so not in rowsInFile. */
  blankRowsSkipped: number;
  /** Total lines below the header, skipped likewise; the first few as examples. */
  totalLinesSkipped: number;
  totalLineExamples: SkippedLine[];
  duplicatePolicy: DuplicatePolicy;
  /** Whether any row has a sale date, which keep-newest needs. */
  hasSaleDates: boolean;
}

// Collects one row's problems at a time; copied out only for the rows that have any.
const scratchProblems: RowProblem[] = [];

/** Checks one row again from its cells and overrides; duplicates are for the caller to decide. */
export function checkInto(review: Review, row: number): void {
  // Setting an array's length is a call into the runtime, so it is only done when needed.
  if (scratchProblems.length !== 0) scratchProblems.length = 0;
  const overrides = review.overrides.size === 0 ? undefined : review.overrides.get(row);
  const customer = review.checkRow(
    review.rows[row] ?? [],
    review.rowNumbers[row] ?? 0,
    scratchProblems,
    overrides,
  );
  review.customers[row] = customer;
  recordCar(review.duplicates, row, customer);
  if (scratchProblems.length === 0) {
    // Only a row with a status other than ok has problems to forget (an edited row).
    if (review.ownStatus[row] !== ROW_OK) review.problems.delete(row);
    review.ownStatus[row] = ROW_OK;
    return;
  }
  review.problems.set(row, scratchProblems.slice());
  review.ownStatus[row] = scratchProblems.some((problem) => problem.severity === "error")
    ? ROW_ERROR
    : ROW_WARNING;
}

/** Whether a row could be sent were it not for another row of the same car. */
function sendable(review: Review): CanBeSent {
  return (row) => review.ownStatus[row] !== ROW_ERROR && !review.leftOut.has(row);
}

/** Decides every row's duplicates again, after a change to many rows or to the policy. */
export function decideAllDuplicates(review: Review): void {
  markAllDuplicates(review.duplicates, review.customers, sendable(review), review.duplicatePolicy);
}

/** Switches which row of a car is sent; the counts follow at once. */
export function setDuplicatePolicy(review: Review, policy: DuplicatePolicy): void {
  review.duplicatePolicy = policy;
  decideAllDuplicates(review);
}

/** Normalises and checks every row below the header; throws when there is none. */
export function createReview(fileRows: readonly string[][], options: ReviewOptions): Review {
  const { headerRowIndex, mapping, region, duplicatePolicy = "keep-first", today = new Date() } = options;
  const headers = fileRows[headerRowIndex] ?? [];
  const rows: string[][] = [];
  const rowNumbers = new Uint32Array(Math.max(0, fileRows.length - headerRowIndex - 1));
  const totalLinesSkipped: SkippedLine[] = [];
  let blankRowsSkipped = 0;
  for (let i = headerRowIndex + 1; i < fileRows.length; i++) {
    const row = fileRows[i] ?? [];
    if (isBlankRow(row)) blankRowsSkipped++;
    else if (isFooterRow(row)) totalLinesSkipped.push({ rowNumber: i + 1, text: lineText(row) });
    else {
      rowNumbers[rows.length] = i + 1;
      rows.push(row);
    }
  }
  if (rows.length === 0) {
    throw new CsvFileError(
      "no-data-rows",
      `There are no rows below the header (row ${headerRowIndex + 1}), so there is nothing to upload.`,
    );
  }

  const review: Review = {
    headers,
    mapping,
    rows,
    rowNumbers: rowNumbers.subarray(0, rows.length),
    blankRowsSkipped,
    totalLinesSkipped,
    region,
    duplicatePolicy,
    // Filled in order by checkInto; `new Array(n)` would start a large array in slow dictionary mode.
    customers: [],
    problems: new Map(),
    ownStatus: new Uint8Array(rows.length),
    duplicates: createDuplicates(rows.length),
    checkRow: createRowChecker(headers, mapping, region, serialYearsFrom(today)),
    overrides: new Map(),
    leftOut: new Map(),
    fixes: [],
    monitored: new Map(),
    sendAlreadyMonitored: false,
  };
  for (let row = 0; row < rows.length; row++) checkInto(review, row);
  decideAllDuplicates(review);
  return review;
}

/** A skipped line as it reads: its non-empty cells, cut short. */
function lineText(row: readonly string[]): string {
  const text = row
    .map((cell) => cell.trim())
    .filter(Boolean)
    .join(" ");
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/**
 * Sets one cell and checks again that row and the rows sharing its car, not the file.
 * Returns the indexes of the rows whose review may have changed, for the table to redraw.
 */
export function applyCellEdit(
  review: Review,
  rowIndex: number,
  columnIndex: number,
  value: string,
): number[] {
  const cells = review.rows[rowIndex];
  if (!cells || columnIndex < 0 || columnIndex >= Math.max(review.headers.length, cells.length)) {
    throw new RangeError(`No cell at row index ${rowIndex}, column index ${columnIndex}`);
  }
  while (cells.length <= columnIndex) cells.push("");
  cells[columnIndex] = value;
  // What a person types into a cell is read as it is, not as a fix of its column said.
  forgetCellOverrides(review, rowIndex, columnIndex);
  return recheckRow(review, rowIndex);
}

/** Checks one row again and the rows sharing its car; returns them all, ascending. */
export function recheckRow(review: Review, rowIndex: number): number[] {
  const previous = review.customers[rowIndex];
  checkInto(review, rowIndex);
  return updateDuplicates(
    review.duplicates,
    review.customers,
    sendable(review),
    review.duplicatePolicy,
    rowIndex,
    previous,
  );
}

function forgetCellOverrides(review: Review, row: number, column: number) {
  let touched = false;
  for (const fix of review.fixes) {
    if (fix.columnIndex === column && fix.action.kind !== "leave-out")
      touched = fix.rows.delete(row) || touched;
  }
  if (touched) rebuildOverrides(review, [row]);
}

/** Sets the overrides and left-out reasons of `rows` from the fixes that apply to them now. */
export function rebuildOverrides(review: Review, rows: Iterable<number>): void {
  for (const row of rows) {
    let omitted: Set<number> | undefined;
    let dateFormats: Map<number, DateFormat> | undefined;
    let leftOutBecause: string | undefined;
    for (const fix of review.fixes) {
      if (!fix.rows.has(row)) continue;
      const { action } = fix;
      if (action.kind === "send-without") (omitted ??= new Set()).add(fix.columnIndex);
      else if (action.kind === "read-as") (dateFormats ??= new Map()).set(fix.columnIndex, action.format);
      else leftOutBecause ??= fix.leftOutBecause;
    }
    if (omitted || dateFormats) review.overrides.set(row, { omitted, dateFormats });
    else review.overrides.delete(row);
    if (leftOutBecause) review.leftOut.set(row, leftOutBecause);
    else review.leftOut.delete(row);
  }
}

function isDuplicateNotSent(review: Review, row: number): boolean {
  return (review.duplicates.of[row] ?? -1) !== -1;
}

export function isSent(review: Review, row: number): boolean {
  return (
    review.ownStatus[row] !== ROW_ERROR &&
    !review.leftOut.has(row) &&
    !isDuplicateNotSent(review, row) &&
    !isHeldBackAsMonitored(review, row)
  );
}

function duplicateProblem(review: Review, row: number, kept: number): RowProblem {
  const customer = review.customers[row];
  const sameVin = customer?.vin !== undefined && customer.vin === review.customers[kept]?.vin;
  const keptRowNumber = review.rowNumbers[kept] ?? 0;
  const rowNumber = review.rowNumbers[row] ?? 0;
  const same = `same ${sameVin ? "VIN" : "rego and state"}`;
  return {
    severity: "error",
    code: "duplicate",
    message:
      review.duplicatePolicy === "keep-newest"
        ? `Row ${rowNumber}: the same car as row ${keptRowNumber} (${same}), which has the newest sale date and is sent instead`
        : `Row ${rowNumber}: duplicate of row ${keptRowNumber} (${same}); only the first is sent`,
    field: sameVin ? "vin" : "rego",
  };
}

function leftOutProblem(review: Review, row: number, why: string): RowProblem {
  return { severity: "error", code: "left-out", message: `Row ${review.rowNumbers[row] ?? 0}: ${why}` };
}

/** One row as the review table shows it. */
export function reviewedRow(review: Review, index: number): ReviewedRow {
  const kept = review.duplicates.of[index] ?? -1;
  const leftOutBecause = review.leftOut.get(index);
  const allProblems = [...(review.problems.get(index) ?? [])];
  if (kept !== -1) allProblems.push(duplicateProblem(review, index, kept));
  if (leftOutBecause) allProblems.push(leftOutProblem(review, index, leftOutBecause));
  const sent = isSent(review, index);
  const monitoredBy = monitoringCustomerOf(review, index);
  if (monitoredBy && (sent || isHeldBackAsMonitored(review, index)))
    allProblems.push(monitoredProblem(monitoredBy, sent));
  return {
    index,
    rowNumber: review.rowNumbers[index] ?? 0,
    cells: review.rows[index] ?? [],
    customer: review.customers[index] ?? {},
    status: !sent ? "error" : review.ownStatus[index] === ROW_WARNING ? "warning" : "ok",
    sent,
    problems: allProblems,
    duplicateOfRow: kept === -1 ? undefined : review.rowNumbers[kept],
    monitoredBy,
  };
}

export type RowFilter = "all" | "problems" | "not-sent" | "already-monitored";

/** Indexes of the rows a filter of the review table shows. */
export function filterRows(review: Review, filter: RowFilter): Uint32Array {
  const count = review.rows.length;
  if (filter === "all") return Uint32Array.from({ length: count }, (_, i) => i);
  const matching: number[] = [];
  for (let row = 0; row < count; row++) {
    if (filter === "already-monitored") {
      // As counted: the rows that only their car's being monitored keeps back (or that are sent anyway).
      const couldBeSent =
        review.ownStatus[row] !== ROW_ERROR && !review.leftOut.has(row) && !isDuplicateNotSent(review, row);
      if (couldBeSent && monitoringCustomerOf(review, row)) matching.push(row);
      continue;
    }
    const hasProblem =
      review.ownStatus[row] !== ROW_OK ||
      review.duplicates.of[row] !== -1 ||
      review.leftOut.has(row) ||
      isHeldBackAsMonitored(review, row);
    if (filter === "problems" ? hasProblem : !isSent(review, row)) matching.push(row);
  }
  return Uint32Array.from(matching);
}

export function reviewCounts(review: Review): ReviewCounts {
  const rowsInFile = review.rows.length;
  // A row with a rego (and, where needed, a state) but no VIN; read from the bits recordCar kept.
  const lookupCar = review.region === "au" ? CAR_REGO | CAR_STATE : CAR_REGO;
  let withErrors = 0;
  let duplicatesNotSent = 0;
  let sentWithWarnings = 0;
  let paidLookups = 0;
  let alreadyMonitored = 0;
  let hasSaleDates = false;
  for (let row = 0; row < rowsInFile; row++) {
    if (review.leftOut.size !== 0 && review.leftOut.has(row)) continue;
    if (review.ownStatus[row] === ROW_ERROR) withErrors++;
    else if (isDuplicateNotSent(review, row)) duplicatesNotSent++;
    else {
      const monitored = monitoringCustomerOf(review, row) !== undefined;
      if (monitored) alreadyMonitored++;
      // A row held back is neither a warning nor a lookup of the upload's.
      if (!monitored || review.sendAlreadyMonitored) {
        if (review.ownStatus[row] === ROW_WARNING) sentWithWarnings++;
        if (((review.duplicates.car[row] ?? 0) & (lookupCar | CAR_VIN)) === lookupCar) paidLookups++;
      }
    }
    if (!hasSaleDates && review.customers[row]?.sale_date !== undefined) hasSaleDates = true;
  }
  const leftOut = review.leftOut.size;
  const notSent =
    withErrors + duplicatesNotSent + leftOut + (review.sendAlreadyMonitored ? 0 : alreadyMonitored);
  return {
    rowsInFile,
    sent: rowsInFile - notSent,
    notSent,
    withErrors,
    duplicatesNotSent,
    leftOut,
    alreadyMonitored,
    sendAlreadyMonitored: review.sendAlreadyMonitored,
    sentWithWarnings,
    paidLookups,
    blankRowsSkipped: review.blankRowsSkipped,
    totalLinesSkipped: review.totalLinesSkipped.length,
    totalLineExamples: review.totalLinesSkipped.slice(0, 3),
    duplicatePolicy: review.duplicatePolicy,
    hasSaleDates,
  };
}
