import {
  CUSTOMER_RULE_MESSAGES,
  hasRegoOrVin,
  monitorWindowRunsForwards,
} from "@/lib/recapture/customer-rules";
import type { Region } from "@/lib/recapture/regions";
import { CUSTOMER_LIMITS, type CustomerInput } from "@/lib/recapture/schemas";
import { quoted, trimmed, type NormalisedCell } from "@/lib/csv/cell";
import type { ColumnMapping, RecaptureField } from "@/lib/csv/column-mapping";
import { normaliseDate, type DateFormat, type DateProblem, type SerialYears } from "@/lib/csv/dates";
import { normaliseRego } from "@/lib/csv/rego";
import { normaliseState } from "@/lib/csv/states";
import { CHASSIS_NUMBER_KEY, normaliseVin } from "@/lib/csv/vin";

/** One customer of the upload request; properties left undefined are dropped by JSON.stringify. */
export type UploadCustomer = CustomerInput;

/**
 * The kind of a problem, so the review can gather the rows with the same one in the same
 * column and fix them together (see column-fixes.ts).
 */
export type ProblemCode =
  | DateProblem
  | "invalid"
  | "too-long"
  | "monitor-window"
  | "chassis-number"
  | "no-state"
  | "no-rego-or-vin"
  | "extra-cells"
  | "duplicate"
  | "left-out"
  | "already-monitored";

export interface RowProblem {
  severity: "error" | "warning";
  code: ProblemCode;
  /** Says what and where, e.g. `Row 14, column "Date Sold": "31/02/2022" is not a real date`. */
  message: string;
  /** Header of the cell at fault; absent when the problem is the row as a whole. */
  column?: string;
  columnIndex?: number;
  field?: RecaptureField;
}

/** A row's own status (duplicates aside), kept per row in a Uint8Array. */
export const ROW_OK = 0;
export const ROW_WARNING = 1;
export const ROW_ERROR = 2;

/**
 * What whole-column fixes change in one row: columns it is sent without, and date
 * columns read in another format than the column's.
 */
export interface RowOverrides {
  omitted?: ReadonlySet<number>;
  dateFormats?: ReadonlyMap<number, DateFormat>;
}

/** Normalises and checks one row, appending its problems to `problems`. */
export type RowChecker = (
  cells: readonly string[],
  rowNumber: number,
  problems: RowProblem[],
  overrides?: RowOverrides,
) => UploadCustomer;

interface MappedColumn {
  index: number;
  header: string;
}

interface DateColumn extends MappedColumn {
  format: DateFormat;
}

interface AdditionalColumn extends MappedColumn {
  key: string;
}

function cellProblem(
  problems: RowProblem[],
  rowNumber: number,
  column: MappedColumn,
  field: RecaptureField | undefined,
  severity: RowProblem["severity"],
  code: ProblemCode,
  detail: string,
) {
  problems.push({
    severity,
    code,
    message: `Row ${rowNumber}, column "${column.header}": ${detail}`,
    column: column.header,
    columnIndex: column.index,
    field,
  });
}

function rowProblem(
  problems: RowProblem[],
  rowNumber: number,
  severity: RowProblem["severity"],
  code: ProblemCode,
  detail: string,
) {
  problems.push({ severity, code, message: `Row ${rowNumber}: ${detail}` });
}

/**
 * The value when it fits the limit Recapture's requests are held to, else undefined with an
 * error: a row that would be refused as a whole is kept back and reported instead.
 */
function withinLimit(
  value: string | undefined,
  limit: number,
  what: string,
  problems: RowProblem[],
  rowNumber: number,
  column: MappedColumn,
  field?: RecaptureField,
): string | undefined {
  if (value === undefined || value.length <= limit) return value;
  const length = value.length.toLocaleString("en-AU");
  const most = limit.toLocaleString("en-AU");
  cellProblem(
    problems,
    rowNumber,
    column,
    field,
    "error",
    "too-long",
    `${quoted(value)} is ${length} characters long; ${what} has at most ${most}`,
  );
  return undefined;
}

/** The value of a normalised cell (undefined when blank), recording its error. */
function take(
  result: NormalisedCell,
  problems: RowProblem[],
  rowNumber: number,
  column: MappedColumn,
  field: RecaptureField,
): string | undefined {
  if (typeof result === "string") return result || undefined;
  cellProblem(
    problems,
    rowNumber,
    column,
    field,
    "error",
    (result.code as ProblemCode) ?? "invalid",
    result.error,
  );
  return undefined;
}

/** A row's cell of a mapped column, or blank when a fix sends the row without it. */
function cellOf(cells: readonly string[], column: MappedColumn, overrides: RowOverrides | undefined): string {
  return overrides?.omitted?.has(column.index) ? "" : (cells[column.index] ?? "");
}

/** The ISO date in a row's cell of a date column (undefined when blank), recording its error. */
function takeDate(
  cells: readonly string[],
  column: DateColumn,
  overrides: RowOverrides | undefined,
  serialYears: SerialYears | undefined,
  problems: RowProblem[],
  rowNumber: number,
  field: RecaptureField,
): string | undefined {
  const format = overrides?.dateFormats?.get(column.index) ?? column.format;
  return take(
    normaliseDate(cellOf(cells, column, overrides), format, serialYears),
    problems,
    rowNumber,
    column,
    field,
  );
}

/**
 * Compiles a mapping into one function per file, so the work per row is reading the
 * mapped cells by index: no lookups by name, no regex built, no mapping re-read.
 * `serialYears` are the years whose Excel serials a day- or month-first column reads.
 */
export function createRowChecker(
  headers: readonly string[],
  mapping: readonly ColumnMapping[],
  region: Region,
  serialYears?: SerialYears,
): RowChecker {
  const columnOf = (field: RecaptureField): MappedColumn | undefined => {
    const index = mapping.findIndex(({ target }) => target.kind === "field" && target.field === field);
    return index === -1 ? undefined : { index, header: headers[index] ?? `column ${index + 1}` };
  };
  const dateColumnOf = (field: RecaptureField): DateColumn | undefined => {
    const column = columnOf(field);
    return column && { ...column, format: mapping[column.index]?.dateFormat ?? "dmy" };
  };
  const rego = columnOf("rego");
  const state = columnOf("state");
  const vin = columnOf("vin");
  const externalId = columnOf("external_id");
  const saleDate = dateColumnOf("sale_date");
  const monitorStart = dateColumnOf("monitor_start_date");
  const monitorEnd = dateColumnOf("monitor_end_date");
  const additional = mapping.flatMap(({ target }, index): AdditionalColumn[] =>
    target.kind === "additional"
      ? [{ index, header: headers[index] ?? `column ${index + 1}`, key: target.key.trim() }]
      : [],
  );
  const headerWidth = headers.length;
  const stateIsNeeded = region === "au";

  return (cells, rowNumber, problems, overrides) => {
    const problemsBefore = problems.length;
    const regoValue =
      rego && take(normaliseRego(cellOf(cells, rego, overrides)), problems, rowNumber, rego, "rego");
    // Australian states come back as one of eight codes; elsewhere the cell is passed on as written.
    const stateValue =
      state &&
      withinLimit(
        take(normaliseState(cellOf(cells, state, overrides), region), problems, rowNumber, state, "state"),
        CUSTOMER_LIMITS.state,
        "a state",
        problems,
        rowNumber,
        state,
        "state",
      );

    let vinValue: string | undefined;
    let chassisNumber: string | undefined;
    if (vin) {
      const result = normaliseVin(cellOf(cells, vin, overrides));
      if (typeof result === "string") vinValue = result || undefined;
      else if ("chassisNumber" in result) {
        chassisNumber = result.chassisNumber;
        cellProblem(problems, rowNumber, vin, "vin", "warning", "chassis-number", result.warning);
      } else cellProblem(problems, rowNumber, vin, "vin", "error", "invalid", result.error);
    }
    const identityHasErrors =
      problems.length > problemsBefore &&
      problems.some((p, i) => i >= problemsBefore && p.severity === "error");

    const saleDateValue =
      saleDate && takeDate(cells, saleDate, overrides, serialYears, problems, rowNumber, "sale_date");
    const startValue =
      monitorStart &&
      takeDate(cells, monitorStart, overrides, serialYears, problems, rowNumber, "monitor_start_date");
    const endValue =
      monitorEnd &&
      takeDate(cells, monitorEnd, overrides, serialYears, problems, rowNumber, "monitor_end_date");
    if (monitorEnd && !monitorWindowRunsForwards(startValue, endValue)) {
      cellProblem(
        problems,
        rowNumber,
        monitorEnd,
        "monitor_end_date",
        "error",
        "monitor-window",
        CUSTOMER_RULE_MESSAGES.monitorWindow.row,
      );
    }

    let additionalFields: Record<string, string> | undefined;
    for (let i = 0; i < additional.length; i++) {
      const column = additional[i] as AdditionalColumn;
      const value = trimmed(overrides?.omitted?.has(column.index) ? "" : cells[column.index]);
      if (!value) continue;
      if (value.length > CUSTOMER_LIMITS.additionalFieldValue) {
        withinLimit(
          value,
          CUSTOMER_LIMITS.additionalFieldValue,
          "an additional field",
          problems,
          rowNumber,
          column,
        );
      } else (additionalFields ??= {})[column.key] = value;
    }
    if (chassisNumber && additionalFields?.[CHASSIS_NUMBER_KEY] === undefined) {
      (additionalFields ??= {})[CHASSIS_NUMBER_KEY] = chassisNumber;
    }

    if (!hasRegoOrVin(regoValue, vinValue) && !identityHasErrors) {
      const { row } = CUSTOMER_RULE_MESSAGES.regoOrVin;
      rowProblem(
        problems,
        rowNumber,
        "error",
        "no-rego-or-vin",
        chassisNumber ? `${row} (a chassis number alone can't be tracked)` : row,
      );
    }
    if (stateIsNeeded && state && regoValue && !stateValue && !vinValue && !identityHasErrors) {
      cellProblem(
        problems,
        rowNumber,
        state,
        "state",
        "warning",
        "no-state",
        `rego ${regoValue} has no state, so it can't be looked up or matched reliably`,
      );
    }
    if (cells.length > headerWidth && cells.slice(headerWidth).some((cell) => cell.trim() !== "")) {
      rowProblem(
        problems,
        rowNumber,
        "warning",
        "extra-cells",
        `has more cells than the header has columns; the extra cells were left out (is a comma missing its quotes?)`,
      );
    }

    return {
      rego: regoValue,
      state: stateValue,
      vin: vinValue,
      external_id:
        externalId &&
        withinLimit(
          trimmed(cellOf(cells, externalId, overrides)) || undefined,
          CUSTOMER_LIMITS.external_id,
          "an external ID",
          problems,
          rowNumber,
          externalId,
          "external_id",
        ),
      sale_date: saleDateValue,
      monitor_start_date: startValue,
      monitor_end_date: endValue,
      additional_fields: additionalFields,
    };
  };
}
