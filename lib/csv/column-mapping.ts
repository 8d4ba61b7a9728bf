import { z } from "zod";
import type { Region } from "@/lib/recapture/regions";
import { CUSTOMER_LIMITS } from "@/lib/recapture/schemas";
import { isBlankCell } from "@/lib/csv/cell";
import { DATE_FORMATS, fittingDateFormats } from "@/lib/csv/dates";
import { CHASSIS_NUMBER_KEY } from "@/lib/csv/vin";

export const RECAPTURE_FIELDS = [
  "rego",
  "state",
  "vin",
  "external_id",
  "sale_date",
  "monitor_start_date",
  "monitor_end_date",
] as const;
export type RecaptureField = (typeof RECAPTURE_FIELDS)[number];

export const DATE_FIELDS: ReadonlySet<RecaptureField> = new Set([
  "sale_date",
  "monitor_start_date",
  "monitor_end_date",
]);

export const columnTargetSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("field"), field: z.enum(RECAPTURE_FIELDS) }),
  z.object({
    kind: z.literal("additional"),
    key: z
      .string()
      .trim()
      .min(1, "Give the additional field a name")
      .max(CUSTOMER_LIMITS.additionalFieldName, "Give the additional field a shorter name"),
  }),
  z.object({ kind: z.literal("ignore") }),
]);
export type ColumnTarget = z.infer<typeof columnTargetSchema>;

/** Where one column goes; `dateFormat` is read when the target is a date field (default dmy). */
export const columnMappingSchema = z.object({
  target: columnTargetSchema,
  dateFormat: z.enum(DATE_FORMATS).optional(),
});
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/** A mapping as the UI stores it for the next file with the same headers (see mappingSignature). */
export const savedMappingSchema = z.array(columnMappingSchema);

// Header spellings seen in dealer management system exports, best first: when two
// columns match one field, the earlier spelling wins and the other column goes to
// additional_fields. Deliberately absent: "Stock No" (the dealer's number for the car,
// reused when it is traded back, so not a customer id), "Invoice Date", "Account No",
// "Licence No" (a driver's licence, not a plate) and a bare "Customer" (usually a name).
const FIELD_SPELLINGS: Record<RecaptureField, readonly string[]> = {
  rego: [
    "rego",
    "rego no",
    "registration",
    "registration no",
    "reg",
    "reg no",
    "registration plate",
    "rego plate",
    "number plate",
    "plate",
    "plate no",
    "licence plate",
    "license plate",
    "vehicle rego",
    "vehicle registration",
    "vehicle registration no",
    "vehicle reg",
    "car rego",
  ],
  state: [
    "registration state",
    "rego state",
    "reg state",
    "registered state",
    "plate state",
    "state",
    "state territory",
  ],
  vin: [
    "vin",
    "vin no",
    "vin chassis",
    "vin chassis no",
    "chassis vin",
    "vehicle identification no",
    "chassis",
    "chassis no",
  ],
  external_id: [
    "external id",
    "customer no",
    "customer id",
    "crm id",
    "customer code",
    "cust no",
    "cust id",
    "client no",
    "client id",
    "contact id",
    "dms id",
  ],
  sale_date: [
    "sale date",
    "date sold",
    "sold date",
    "date of sale",
    "sales date",
    "sold on",
    "sold",
    "delivery date",
    "date delivered",
    "delivered date",
    "delivered",
    "purchase date",
    "date purchased",
    "purchased",
    "purchased on",
  ],
  monitor_start_date: [
    "monitor start date",
    "monitor start",
    "monitor from",
    "monitoring start",
    "monitoring start date",
    "start monitoring",
  ],
  monitor_end_date: [
    "monitor end date",
    "monitor end",
    "monitor until",
    "monitor to",
    "monitoring end",
    "monitoring end date",
    "stop monitoring",
  ],
};

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NUMBER_SIGN = /#/g;
const NOT_ALPHANUMERIC = /[^a-z0-9]+/g;
const NUMBER_WORDS = /\b(?:number|num|nbr)\b/g;
const EDGE_UNDERSCORES = /^_+|_+$/g;

function withoutAccents(text: string): string {
  return text.normalize("NFKD").replace(COMBINING_MARKS, "").toLowerCase();
}

/** "Rego No.", "rego #" and "REGO NUMBER" all become "rego no". */
function comparableHeader(header: string): string {
  return withoutAccents(header)
    .replace(NUMBER_SIGN, " no ")
    .replace(NOT_ALPHANUMERIC, " ")
    .replace(NUMBER_WORDS, "no")
    .trim();
}

const SPELLING_RANKS = new Map<string, { field: RecaptureField; rank: number }>();
for (const field of RECAPTURE_FIELDS) {
  FIELD_SPELLINGS[field].forEach((spelling, rank) =>
    SPELLING_RANKS.set(comparableHeader(spelling), { field, rank }),
  );
}

/** The Recapture field a header names, if it is one of the known spellings. */
export function matchRecaptureField(header: string): RecaptureField | undefined {
  return SPELLING_RANKS.get(comparableHeader(header))?.field;
}

/** "Customer Name" → "customer_name"; a blank header becomes "column_3". */
export function additionalFieldKey(header: string, columnIndex: number): string {
  return (
    withoutAccents(header).replace(NOT_ALPHANUMERIC, "_").replace(EDGE_UNDERSCORES, "") ||
    `column_${columnIndex + 1}`
  );
}

// The column this pipeline adds to the rows it could not send: when that file comes
// back fixed, its old reasons are not customer data.
export const NOT_SENT_PROBLEM_HEADER = "problem";
/** Rows read to judge a date column's format: the auto-mapper's choice and the mapping step's warnings. */
export const DATE_FORMAT_SAMPLE_SIZE = 1000;

/** Up to `count` rows spread evenly through the file, so a sample sees more than its first page. */
export function sampleRows(rows: readonly (readonly string[])[], count: number): (readonly string[])[] {
  if (rows.length <= count) return [...rows];
  const step = rows.length / count;
  return Array.from({ length: count }, (_, i) => rows[Math.floor(i * step)] ?? []);
}

/** The first few distinct non-blank values of a column, shown beside it while mapping. */
export function columnSamples(
  rows: readonly (readonly string[])[],
  columnIndex: number,
  count = 5,
): string[] {
  const samples = new Set<string>();
  for (const row of rows) {
    const value = row[columnIndex]?.trim() ?? "";
    if (value !== "") samples.add(value);
    if (samples.size === count) break;
  }
  return [...samples];
}

/**
 * A first mapping for the mapping step. Known spellings go to their field (never two
 * columns to one field); every other column goes to additional_fields under its own
 * name in snake_case, because staff follow customers up with what those columns hold
 * (name, phone, email); the person can switch any column to "ignore". Date columns get
 * the first format that fits a sample of their values.
 */
export function autoMapColumns(
  headers: readonly string[],
  dataRows: readonly (readonly string[])[],
): ColumnMapping[] {
  const matches = headers.map((header) => SPELLING_RANKS.get(comparableHeader(header)));
  const bestColumn = new Map<RecaptureField, number>();
  matches.forEach((match, column) => {
    if (!match) return;
    const current = bestColumn.get(match.field);
    if (current === undefined || match.rank < (matches[current]?.rank ?? Infinity))
      bestColumn.set(match.field, column);
  });

  const sample = sampleRows(dataRows, DATE_FORMAT_SAMPLE_SIZE);
  const usedKeys = new Set<string>();
  return headers.map((header, column): ColumnMapping => {
    const field = matches[column]?.field;
    if (field && bestColumn.get(field) === column) {
      if (!DATE_FIELDS.has(field)) return { target: { kind: "field", field } };
      const fitting = fittingDateFormats(sample.map((row) => row[column] ?? ""));
      return { target: { kind: "field", field }, dateFormat: fitting[0] ?? "dmy" };
    }
    if (comparableHeader(header) === NOT_SENT_PROBLEM_HEADER) return { target: { kind: "ignore" } };
    if (header.trim() === "" && sample.every((row) => isBlankCell(row[column] ?? "")))
      return { target: { kind: "ignore" } };
    return { target: { kind: "additional", key: uniqueKey(additionalFieldKey(header, column), usedKeys) } };
  });
}

function uniqueKey(key: string, usedKeys: Set<string>): string {
  let unique = key;
  for (let n = 2; usedKeys.has(unique); n++) unique = `${key}_${n}`;
  usedKeys.add(unique);
  return unique;
}

/**
 * Identifies a header row for remembering its mapping: two files whose headers differ
 * only in case, punctuation or spacing share one.
 */
export function mappingSignature(headers: readonly string[]): string {
  return JSON.stringify(headers.map(comparableHeader));
}

/** A stored mapping, if it is well formed and has one entry per column of these headers. */
export function restoreMapping(headers: readonly string[], saved: unknown): ColumnMapping[] | undefined {
  const parsed = savedMappingSchema.safeParse(saved);
  return parsed.success && parsed.data.length === headers.length ? parsed.data : undefined;
}

export interface MappingProblem {
  severity: "error" | "warning";
  message: string;
}

/** What stops (errors) or weakens (warnings) a mapping, for the mapping step to show before review. */
export function mappingProblems(
  headers: readonly string[],
  mapping: readonly ColumnMapping[],
  region: Region,
): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const columnsByTarget = new Map<string, string[]>();
  mapping.forEach(({ target }, column) => {
    if (target.kind === "ignore") return;
    const header = `"${headers[column] ?? `column ${column + 1}`}"`;
    if (target.kind === "additional" && target.key.trim() === "") {
      problems.push({
        severity: "error",
        message: `Give column ${header} a name for its additional field, or ignore it`,
      });
      return;
    }
    if (target.kind === "additional" && target.key.trim().length > CUSTOMER_LIMITS.additionalFieldName) {
      problems.push({
        severity: "error",
        message: `Give column ${header} a shorter name for its additional field: at most ${CUSTOMER_LIMITS.additionalFieldName} characters`,
      });
      return;
    }
    const name = target.kind === "field" ? target.field : `additional field "${target.key.trim()}"`;
    columnsByTarget.set(name, [...(columnsByTarget.get(name) ?? []), header]);
  });
  for (const [name, columns] of columnsByTarget) {
    if (columns.length > 1) {
      problems.push({
        severity: "error",
        message: `${columns.join(" and ")} are each mapped to ${name}; map only one of them there`,
      });
    }
  }
  const additionalKeys = mapping.flatMap(({ target }) =>
    target.kind === "additional" ? [target.key.trim()] : [],
  );
  // A short chassis number in the VIN column is kept as one more additional field.
  const chassisSlot = columnsByTarget.has("vin") && !additionalKeys.includes(CHASSIS_NUMBER_KEY) ? 1 : 0;
  const mostColumns = CUSTOMER_LIMITS.additionalFields - chassisSlot;
  if (additionalKeys.length > mostColumns) {
    problems.push({
      severity: "error",
      message: `${additionalKeys.length} columns are sent as additional fields, and a customer has at most ${CUSTOMER_LIMITS.additionalFields}${chassisSlot ? ` (${mostColumns} here: one is kept for chassis numbers in the VIN column)` : ""}; ignore the columns you don't need`,
    });
  }
  if (!columnsByTarget.has("rego") && !columnsByTarget.has("vin")) {
    problems.push({
      severity: "error",
      message: "Map a column to rego or VIN: Recapture needs one of them to track a car",
    });
  }
  if (region === "au" && columnsByTarget.has("rego") && !columnsByTarget.has("state")) {
    problems.push({
      severity: "warning",
      message:
        "No column is mapped to state: a rego can't be looked up without its state, so only rows with a VIN can be matched reliably",
    });
  }
  return problems;
}
