/**
 * The CSV upload pipeline, step by step as the wizard runs it (in a Web Worker):
 * decodeCsvBytes → parseCsvText (or, for an Excel workbook, lib/spreadsheet) →
 * detectHeaderRow → autoMapColumns → createReview (then applyCellEdit and applyColumnFix
 * as people fix cells and columns; setMonitoredMatches once the customer index has said which
 * cars it already has) → buildUploadPayloads and notSentCsv.
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
export { assertHasDataRows, isBlankRow, parseCsvText, type Delimiter } from "@/lib/csv/parse";
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
  readColumnDate,
  tallyDates,
  tallyReads,
  type DateFormat,
  type DateTally,
} from "@/lib/csv/dates";
export { DUPLICATE_POLICIES, type DuplicatePolicy } from "@/lib/csv/duplicates";
export type { ProblemCode, RowProblem } from "@/lib/csv/row-check";
export {
  applyCellEdit,
  createReview,
  filterRows,
  reviewCounts,
  reviewedRow,
  setDuplicatePolicy,
  type ColumnFixAction,
  type Review,
  type ReviewCounts,
  type ReviewedRow,
  type RowFilter,
  type SkippedLine,
} from "@/lib/csv/review";
export {
  applyColumnFix,
  fixSummaries,
  notSentReasons,
  problemGroups,
  undoColumnFix,
  type FixSummary,
  type NotSentReason,
  type ProblemGroup,
} from "@/lib/csv/column-fixes";
export {
  monitoredQuestion,
  setMonitoredMatches,
  setSendAlreadyMonitored,
  type MonitoredQuestion,
} from "@/lib/csv/already-monitored";
export { buildUploadPayloads, defaultUploadName, type UploadSettings } from "@/lib/csv/payload";
export { notSentCsv, notSentFileName } from "@/lib/csv/not-sent";
