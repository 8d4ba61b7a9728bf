import {
  DATE_FIELDS,
  DATE_FORMAT_LABELS,
  RECAPTURE_FIELDS,
  additionalFieldKey,
  tallyReads,
  type ColumnMapping,
  type DateFormat,
  type DateTally,
  type RecaptureField,
} from "@/lib/csv";
import { formatCount } from "@/lib/format";

export const FIELD_LABELS: Record<RecaptureField, string> = {
  rego: "Rego",
  state: "State",
  vin: "VIN",
  external_id: "External ID",
  sale_date: "Sale date",
  monitor_start_date: "Monitor start date",
  monitor_end_date: "Monitor end date",
};

export const ADDITIONAL_CHOICE = "additional";
export const IGNORE_CHOICE = "ignore";

/** The options of a column's "send as" select: each Recapture field, then additional field and ignore. */
export const TARGET_CHOICES = [
  ...RECAPTURE_FIELDS.map((field) => ({ value: field as string, label: FIELD_LABELS[field] })),
  { value: ADDITIONAL_CHOICE, label: "Additional field" },
  { value: IGNORE_CHOICE, label: "Don't send" },
];

/** The select value for a column's mapping. */
export function choiceOf({ target }: ColumnMapping): string {
  return target.kind === "field" ? target.field : target.kind;
}

function isRecaptureField(value: string): value is RecaptureField {
  return (RECAPTURE_FIELDS as readonly string[]).includes(value);
}

/**
 * A column's mapping after choosing `choice` in its select. An additional field starts
 * under the column's own name; a date field starts with the first format its values fit.
 */
export function mappingForChoice(
  choice: string,
  header: string,
  column: number,
  fittingDateFormats: readonly DateFormat[],
): ColumnMapping {
  if (isRecaptureField(choice)) {
    return DATE_FIELDS.has(choice)
      ? { target: { kind: "field", field: choice }, dateFormat: fittingDateFormats[0] ?? "dmy" }
      : { target: { kind: "field", field: choice } };
  }
  if (choice === ADDITIONAL_CHOICE)
    return { target: { kind: "additional", key: additionalFieldKey(header, column) } };
  return { target: { kind: "ignore" } };
}

/** Whether a column is mapped to one of the date fields, so it needs a date format. */
export function isDateMapping({ target }: ColumnMapping): boolean {
  return target.kind === "field" && DATE_FIELDS.has(target.field);
}

function listing(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}` : (items[0] ?? "");
}

function listFormats(formats: readonly DateFormat[]): string {
  return listing(formats.map((format) => DATE_FORMAT_LABELS[format]));
}

/**
 * What a date format makes of a column's values, from the tally of every row: "Of 12
 * dates: 4 read as dd/mm/yyyy, 7 as yyyy-mm-dd and 1 as an Excel date number."
 */
export function dateTallyText(tally: DateTally, format: DateFormat): string {
  const { own, yearFirst, serial } = tallyReads(tally, format);
  const reads = [
    `${formatCount(own)} read as ${format === "excel" ? "Excel date numbers" : DATE_FORMAT_LABELS[format]}`,
  ];
  if (yearFirst > 0) reads.push(`${formatCount(yearFirst)} as yyyy-mm-dd`);
  if (serial > 0)
    reads.push(serial === 1 ? "1 as an Excel date number" : `${formatCount(serial)} as Excel date numbers`);
  const unread = tally.values - own - yearFirst - serial;
  const rest = unread > 0 ? `; ${formatCount(unread)} can't be read as a date` : "";
  return `Of ${formatCount(tally.values)} ${tally.values === 1 ? "value" : "values"}: ${listing(reads)}${rest}.`;
}

/** Why the chosen format of a date column needs a second look, given the formats all its sampled values fit. */
export function dateFormatWarning(chosen: DateFormat, fitting: readonly DateFormat[]): string | undefined {
  if (fitting.length === 0)
    return "No single format fits every value: rows whose date can't be read are flagged at review.";
  if (!fitting.includes(chosen))
    return `Some values aren't written as ${DATE_FORMAT_LABELS[chosen]}; ${listFormats(fitting)} fits them all.`;
  if (fitting.length > 1)
    return `These dates read as ${listFormats(fitting)}: check which one your system writes.`;
  return undefined;
}
