import type {
  ColumnFixAction,
  ColumnMapping,
  CsvFileProblem,
  DateFormat,
  DateTally,
  Delimiter,
  DuplicatePolicy,
  FixSummary,
  NotSentReason,
  ProblemGroup,
  ReviewCounts,
  ReviewedRow,
  RowFilter,
  TextEncoding,
  UploadSettings,
} from "@/lib/csv";
import type { MonitoredMatch, MonitoredVehicle } from "@/lib/customer-index/already-monitored";
import type { Region } from "@/lib/recapture/regions";

/**
 * What the page asks of the pipeline worker and what it answers. The file's rows and
 * its review stay in the worker; only what is on screen crosses over.
 */
export type PipelineRequest =
  | { type: "load"; file: Blob; maxBytes: number }
  | { type: "choose-sheet"; sheetIndex: number }
  | { type: "choose-header"; headerRowIndex: number }
  | { type: "review"; mapping: ColumnMapping[]; region: Region }
  | { type: "filter"; filter: RowFilter }
  | { type: "rows"; start: number; end: number }
  | { type: "edit"; rowIndex: number; columnIndex: number; value: string }
  | { type: "fix"; groupKey: string; action: ColumnFixAction }
  | { type: "undo-fix"; fixId: number }
  | { type: "duplicates"; policy: DuplicatePolicy }
  | { type: "monitored-question" }
  | { type: "already-monitored"; matches: MonitoredMatch[] }
  | { type: "send-already-monitored"; send: boolean }
  | { type: "payloads"; settings: UploadSettings; maxCustomersPerUpload: number }
  | { type: "not-sent-csv" };

export type PipelineRequestType = PipelineRequest["type"];

/** Where the rows came from: a text file, or one sheet of a workbook. */
export type FileSource =
  | { kind: "text"; encoding: TextEncoding; delimiter: Delimiter }
  | { kind: "workbook"; format: "xlsx" | "xls"; sheets: string[]; sheetIndex: number };

export interface LoadedFile {
  source: FileSource;
  /** Quoting mistakes, each naming its row. */
  warnings: string[];
  /** Records in the file (or sheet), title lines and blank lines included. */
  recordCount: number;
  /** The first records, for choosing the header row. */
  previewRows: string[][];
  detectedHeaderRowIndex: number;
}

export interface FileColumns {
  headerRowIndex: number;
  headers: string[];
  /** mappingSignature of the headers: the key a chosen mapping is remembered under. */
  signature: string;
  suggestedMapping: ColumnMapping[];
  /** A few values of each column, shown beside it while mapping. */
  samples: string[][];
  /** For each column, every date format its values can be read in. */
  fittingDateFormats: DateFormat[][];
  /** For each column that holds dates, how its values are written (null for the others). */
  dateTallies: (DateTally | null)[];
}

/** Everything the review step shows besides the rows: the counts and what can be done about the problems. */
export interface ReviewState {
  counts: ReviewCounts;
  groups: ProblemGroup[];
  fixes: FixSummary[];
  reasons: NotSentReason[];
}

export interface RowEdit {
  state: ReviewState;
  /** Every row whose review the edit may have changed (the row itself and rows for the same car). */
  rows: ReviewedRow[];
}

export interface PipelineResults {
  load: LoadedFile;
  "choose-sheet": LoadedFile;
  "choose-header": FileColumns;
  review: ReviewState;
  /** How many rows the filter shows. */
  filter: number;
  rows: ReviewedRow[];
  edit: RowEdit;
  fix: ReviewState;
  "undo-fix": ReviewState;
  duplicates: ReviewState;
  /** The cars to ask the customer index about; `matches` then name them by position in this list. */
  "monitored-question": MonitoredVehicle[];
  "already-monitored": ReviewState;
  "send-already-monitored": ReviewState;
  /** One JSON request body per part, serialised in the worker so a 50,000-customer part never blocks the page. */
  payloads: string[];
  "not-sent-csv": string;
}

export type PipelineRequestOf<K extends PipelineRequestType> = Extract<PipelineRequest, { type: K }>;

export interface PipelineCall {
  id: number;
  request: PipelineRequest;
}

export type PipelineMessage =
  | { type: "progress"; message: string }
  | { type: "result"; id: number; result: PipelineResults[PipelineRequestType] }
  | { type: "failure"; id: number; message: string; problem?: CsvFileProblem };
