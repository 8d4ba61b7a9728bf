/**
 * The CSV upload pipeline, step by step as the wizard runs it (in a Web Worker):
 * decodeCsvBytes → parseCsvText → detectHeaderRow → autoMapColumns → createReview
 * (then applyCellEdit as people fix cells) → buildUploadPayloads and notSentCsv.
 * Pure TypeScript: no DOM and no Node APIs.
 */
export { CsvFileError, type CsvFileProblem } from "@/lib/csv/csv-file-error";
export { isBlankCell, type NormalisedCell } from "@/lib/csv/cell";
export {
  ACCEPTED_FILE_EXTENSIONS,
  DEFAULT_MAX_FILE_BYTES,
  assertFileSize,
  decodeCsvBytes,
  fileBaseName,
  type DecodedFile,
  type TextEncoding,
} from "@/lib/csv/decode";
export { DELIMITERS, isBlankRow, parseCsvText, type Delimiter, type ParsedCsv } from "@/lib/csv/parse";
export { detectHeaderRow } from "@/lib/csv/header-row";
export {
  DATE_FIELDS,
  RECAPTURE_FIELDS,
  additionalFieldKey,
  autoMapColumns,
  columnMappingSchema,
  columnSamples,
  mappingProblems,
  mappingSignature,
  matchRecaptureField,
  restoreMapping,
  DATE_FORMAT_SAMPLE_SIZE,
  sampleRows,
  savedMappingSchema,
  type ColumnMapping,
  type ColumnTarget,
  type MappingProblem,
  type RecaptureField,
} from "@/lib/csv/column-mapping";
export {
  DATE_FORMATS,
  DATE_FORMAT_LABELS,
  fittingDateFormats,
  normaliseDate,
  parseDate,
  type DateFormat,
} from "@/lib/csv/dates";
export { normaliseRego } from "@/lib/csv/rego";
export { normaliseState } from "@/lib/csv/states";
export { normaliseVin, type NormalisedVin } from "@/lib/csv/vin";
export type { RowProblem, UploadCustomer } from "@/lib/csv/row-check";
export type { DuplicatePolicy } from "@/lib/csv/duplicates";
export {
  applyCellEdit,
  createReview,
  filterRows,
  isSent,
  reviewCounts,
  reviewedRow,
  type Review,
  type ReviewCounts,
  type ReviewOptions,
  type ReviewedRow,
  type RowFilter,
  type RowStatus,
} from "@/lib/csv/review";
export {
  buildUploadPayloads,
  defaultUploadName,
  sentCustomers,
  type UploadSettings,
} from "@/lib/csv/payload";
export { notSentCsv, notSentFileName } from "@/lib/csv/not-sent";
