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
  type TextEncoding,
} from "@/lib/csv/decode";
export { isBlankRow, parseCsvText, type Delimiter } from "@/lib/csv/parse";
export { detectHeaderRow } from "@/lib/csv/header-row";
export {
  DATE_FIELDS,
  RECAPTURE_FIELDS,
  additionalFieldKey,
  autoMapColumns,
  columnSamples,
  mappingProblems,
  mappingSignature,
  restoreMapping,
  DATE_FORMAT_SAMPLE_SIZE,
  sampleRows,
  type ColumnMapping,
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
export type { RowProblem } from "@/lib/csv/row-check";
export {
  applyCellEdit,
  createReview,
  filterRows,
  reviewCounts,
  reviewedRow,
  type Review,
  type ReviewCounts,
  type ReviewedRow,
  type RowFilter,
} from "@/lib/csv/review";
export { buildUploadPayloads, defaultUploadName, type UploadSettings } from "@/lib/csv/payload";
export { notSentCsv, notSentFileName } from "@/lib/csv/not-sent";
