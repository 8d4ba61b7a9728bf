import type { Region } from "@/lib/recapture/regions";
import type { ColumnMapping } from "@/lib/csv/column-mapping";
import { CsvFileError } from "@/lib/csv/csv-file-error";
import {
  CAR_REGO,
  CAR_STATE,
  CAR_VIN,
  createDuplicates,
  markAllDuplicates,
  recordCar,
  updateDuplicates,
  type DuplicatePolicy,
  type Duplicates,
} from "@/lib/csv/duplicates";
import { isBlankRow } from "@/lib/csv/parse";
import {
  ROW_ERROR,
  ROW_OK,
  ROW_WARNING,
  createRowChecker,
  type RowChecker,
  type RowProblem,
  type UploadCustomer,
} from "@/lib/csv/row-check";

export interface ReviewOptions {
  headerRowIndex: number;
  mapping: readonly ColumnMapping[];
  region: Region;
  duplicatePolicy?: DuplicatePolicy;
}

/**
 * Every data row of the file, normalised and checked. It lives where the work runs (the
 * Web Worker), which hands the page what it shows: counts, a window of rows, one row.
 * Per-row results sit in parallel arrays indexed by data row, and problems only where
 * there are some, so 100,000 rows cost little more than their cells.
 */
export interface Review {
  readonly headers: readonly string[];
  /** Data rows below the header, blank ones left out; edits change these cells. */
  readonly rows: string[][];
  /** The row number Excel shows for each data row (the header and title lines count). */
  readonly rowNumbers: Uint32Array;
  readonly blankRowsSkipped: number;
  readonly region: Region;
  readonly duplicatePolicy: DuplicatePolicy;
  readonly customers: UploadCustomer[];
  /** Each row's own problems (duplicates aside), for the rows that have any. */
  readonly problems: Map<number, RowProblem[]>;
  /** Each row's own status: ROW_OK, ROW_WARNING or ROW_ERROR. */
  readonly ownStatus: Uint8Array;
  readonly duplicates: Duplicates;
  readonly checkRow: RowChecker;
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
  /** Row number of the earlier row for the same car. */
  duplicateOfRow?: number;
}

export interface ReviewCounts {
  /** Data rows in the file; always sent + notSent. */
  rowsInFile: number;
  sent: number;
  notSent: number;
  /** Rows not sent because of an error of their own. */
  withErrors: number;
  /** Rows not sent because an earlier row is the same car (keep-first). */
  duplicatesNotSent: number;
  /** Rows sent with a warning. */
  sentWithWarnings: number;
  /** Rows sent with a rego (and, in Australia, a state) but no VIN: a paid lookup each when rego lookups are on. */
  paidLookups: number;
  /** Empty lines below the header; not rows of the file's data, so not in rowsInFile. */
  blankRowsSkipped: number;
}

// Collects one row's problems at a time; copied out only for the rows that have any.
const scratchProblems: RowProblem[] = [];

function checkInto(review: Review, row: number) {
  // Setting an array's length is a call into the runtime, so it is only done when needed.
  if (scratchProblems.length !== 0) scratchProblems.length = 0;
  const customer = review.checkRow(review.rows[row] ?? [], review.rowNumbers[row] ?? 0, scratchProblems);
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

/** Normalises and checks every row below the header; throws when there is none. */
export function createReview(fileRows: readonly string[][], options: ReviewOptions): Review {
  const { headerRowIndex, mapping, region, duplicatePolicy = "keep-first" } = options;
  const headers = fileRows[headerRowIndex] ?? [];
  const rows: string[][] = [];
  const rowNumbers = new Uint32Array(Math.max(0, fileRows.length - headerRowIndex - 1));
  for (let i = headerRowIndex + 1; i < fileRows.length; i++) {
    const row = fileRows[i] ?? [];
    if (isBlankRow(row)) continue;
    rowNumbers[rows.length] = i + 1;
    rows.push(row);
  }
  if (rows.length === 0) {
    throw new CsvFileError(
      "no-data-rows",
      `There are no rows below the header (row ${headerRowIndex + 1}), so there is nothing to upload.`,
    );
  }

  const review: Review = {
    headers,
    rows,
    rowNumbers: rowNumbers.subarray(0, rows.length),
    blankRowsSkipped: fileRows.length - headerRowIndex - 1 - rows.length,
    region,
    duplicatePolicy,
    // Filled in order by checkInto; `new Array(n)` would start a large array in slow dictionary mode.
    customers: [],
    problems: new Map(),
    ownStatus: new Uint8Array(rows.length),
    duplicates: createDuplicates(rows.length),
    checkRow: createRowChecker(headers, mapping, region),
  };
  for (let row = 0; row < rows.length; row++) checkInto(review, row);
  markAllDuplicates(review.duplicates, review.customers, review.ownStatus);
  return review;
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
  const previous = review.customers[rowIndex];
  checkInto(review, rowIndex);
  return updateDuplicates(review.duplicates, review.customers, review.ownStatus, rowIndex, previous);
}

function isDuplicateNotSent(review: Review, row: number): boolean {
  return review.duplicatePolicy === "keep-first" && (review.duplicates.of[row] ?? -1) !== -1;
}

export function isSent(review: Review, row: number): boolean {
  return review.ownStatus[row] !== ROW_ERROR && !isDuplicateNotSent(review, row);
}

function duplicateProblem(review: Review, row: number, first: number): RowProblem {
  const customer = review.customers[row];
  const sameVin = customer?.vin !== undefined && customer.vin === review.customers[first]?.vin;
  const firstRowNumber = review.rowNumbers[first] ?? 0;
  const rowNumber = review.rowNumbers[row] ?? 0;
  const keepFirst = review.duplicatePolicy === "keep-first";
  return {
    severity: keepFirst ? "error" : "warning",
    message: `Row ${rowNumber}: duplicate of row ${firstRowNumber} (same ${sameVin ? "VIN" : "rego and state"})${keepFirst ? "; only the first is sent" : ""}`,
    field: sameVin ? "vin" : "rego",
  };
}

/** One row as the review table shows it. */
export function reviewedRow(review: Review, index: number): ReviewedRow {
  const first = review.duplicates.of[index] ?? -1;
  const problems = review.problems.get(index) ?? [];
  const allProblems = first === -1 ? problems : [...problems, duplicateProblem(review, index, first)];
  const sent = isSent(review, index);
  const own = review.ownStatus[index];
  return {
    index,
    rowNumber: review.rowNumbers[index] ?? 0,
    cells: review.rows[index] ?? [],
    customer: review.customers[index] ?? {},
    status: !sent ? "error" : own === ROW_WARNING || first !== -1 ? "warning" : "ok",
    sent,
    problems: allProblems,
    duplicateOfRow: first === -1 ? undefined : review.rowNumbers[first],
  };
}

export type RowFilter = "all" | "problems" | "not-sent";

/** Indexes of the rows a filter of the review table shows. */
export function filterRows(review: Review, filter: RowFilter): Uint32Array {
  const count = review.rows.length;
  if (filter === "all") return Uint32Array.from({ length: count }, (_, i) => i);
  const matching: number[] = [];
  for (let row = 0; row < count; row++) {
    const hasProblem = review.ownStatus[row] !== ROW_OK || review.duplicates.of[row] !== -1;
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
  for (let row = 0; row < rowsInFile; row++) {
    if (review.ownStatus[row] === ROW_ERROR) withErrors++;
    else if (isDuplicateNotSent(review, row)) duplicatesNotSent++;
    else {
      if (review.ownStatus[row] === ROW_WARNING || review.duplicates.of[row] !== -1) sentWithWarnings++;
      if (((review.duplicates.car[row] ?? 0) & (lookupCar | CAR_VIN)) === lookupCar) paidLookups++;
    }
  }
  const notSent = withErrors + duplicatesNotSent;
  return {
    rowsInFile,
    sent: rowsInFile - notSent,
    notSent,
    withErrors,
    duplicatesNotSent,
    sentWithWarnings,
    paidLookups,
    blankRowsSkipped: review.blankRowsSkipped,
  };
}
