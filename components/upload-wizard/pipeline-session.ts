import {
  applyCellEdit,
  applyColumnFix,
  assertFileSize,
  assertHasDataRows,
  autoMapColumns,
  buildUploadPayloads,
  columnSamples,
  createReview,
  DATE_FORMAT_SAMPLE_SIZE,
  DATE_FORMATS,
  decodeCsvBytes,
  detectHeaderRow,
  filterRows,
  fittingDateFormats,
  fixSummaries,
  isBlankRow,
  mappingSignature,
  monitoredQuestion,
  notSentCsv,
  notSentReasons,
  parseCsvText,
  problemGroups,
  readColumnDate,
  reviewCounts,
  reviewedRow,
  sampleRows,
  setDuplicatePolicy,
  setMonitoredMatches,
  setSendAlreadyMonitored,
  tallyDates,
  undoColumnFix,
  type MonitoredQuestion,
  type Review,
} from "@/lib/csv";
import { openWorkbook, workbookFormat, type Workbook } from "@/lib/spreadsheet";
import { emptyWorkbook } from "@/lib/spreadsheet/workbook-errors";
import type {
  FileSource,
  LoadedFile,
  PipelineRequest,
  PipelineRequestOf,
  PipelineRequestType,
  PipelineResults,
  ReviewState,
} from "@/components/upload-wizard/pipeline-protocol";
import { formatCount } from "@/lib/format";

const PREVIEW_ROWS = 15;
const PREVIEW_CELL_LENGTH = 80;
const SAMPLES_PER_COLUMN = 4;

type Handlers = {
  [K in PipelineRequestType]: (
    request: PipelineRequestOf<K>,
  ) => PipelineResults[K] | Promise<PipelineResults[K]>;
};

export interface PipelineSession {
  handle<K extends PipelineRequestType>(request: PipelineRequestOf<K>): Promise<PipelineResults[K]>;
}

/** Whether most of a column's sampled values read as dates in some format, so its full tally is worth counting. */
function holdsDates(sample: readonly (readonly string[])[], column: number): boolean {
  let values = 0;
  let dates = 0;
  for (const row of sample) {
    const value = row[column]?.trim() ?? "";
    if (value === "") continue;
    values++;
    if (DATE_FORMATS.some((format) => readColumnDate(value, format) !== undefined)) dates++;
  }
  return values > 0 && dates * 2 >= values;
}

function* columnValues(rows: readonly (readonly string[])[], column: number): Generator<string> {
  for (const row of rows) yield row[column] ?? "";
}

function reviewState(review: Review): ReviewState {
  return {
    counts: reviewCounts(review),
    groups: problemGroups(review),
    fixes: fixSummaries(review),
    reasons: notSentReasons(review),
  };
}

/**
 * The wizard's side of lib/csv and lib/spreadsheet, holding one file at a time: its rows
 * (for a workbook, the chosen sheet's), the header row, the review and the view the table
 * pages through. Pure apart from `report`, so it runs in the Web Worker and in unit tests alike.
 */
export function createPipelineSession(report: (message: string) => void): PipelineSession {
  let fileRows: string[][] = [];
  let workbook: Workbook | undefined;
  let headerRowIndex = 0;
  let review: Review | undefined;
  let view: Uint32Array = new Uint32Array(0);
  // The rows of the cars last asked about, so the answer's positions find their rows.
  let monitoredRows: MonitoredQuestion["rows"] = [];

  const currentReview = (): Review => {
    if (!review) throw new Error("The rows haven't been checked yet");
    return review;
  };

  const loaded = (rows: string[][], source: FileSource, warnings: string[] = []): LoadedFile => {
    fileRows = rows;
    return {
      source,
      warnings,
      recordCount: rows.length,
      previewRows: rows
        .slice(0, PREVIEW_ROWS)
        .map((row) => row.map((cell) => cell.slice(0, PREVIEW_CELL_LENGTH))),
      detectedHeaderRowIndex: detectHeaderRow(rows),
    };
  };

  const workbookSource = (book: Workbook, sheetIndex: number): FileSource => ({
    kind: "workbook",
    format: book.format,
    sheets: [...book.sheets],
    sheetIndex,
  });

  /** The first sheet with anything in it: a workbook's first sheet, unless that one is empty. */
  async function openFirstSheet(book: Workbook): Promise<LoadedFile> {
    for (let sheetIndex = 0; sheetIndex < book.sheets.length; sheetIndex++) {
      report(`Reading the sheet "${book.sheets[sheetIndex]}"…`);
      const rows = await book.readSheet(sheetIndex);
      if (rows.every(isBlankRow)) continue;
      assertHasDataRows(rows, `The sheet "${book.sheets[sheetIndex]}"`);
      return loaded(rows, workbookSource(book, sheetIndex));
    }
    throw emptyWorkbook();
  }

  const handlers: Handlers = {
    async load({ file, maxBytes }) {
      review = undefined;
      workbook = undefined;
      fileRows = [];
      assertFileSize(file.size, maxBytes);
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (workbookFormat(bytes)) {
        report("Opening the workbook…");
        workbook = await openWorkbook(bytes);
        return openFirstSheet(workbook);
      }
      report("Decoding the text…");
      const { text, encoding } = decodeCsvBytes(bytes, maxBytes);
      report("Splitting it into rows…");
      const parsed = parseCsvText(text);
      return loaded(parsed.rows, { kind: "text", encoding, delimiter: parsed.delimiter }, parsed.warnings);
    },

    async "choose-sheet"({ sheetIndex }) {
      if (!workbook) throw new Error("No workbook is open");
      const name = workbook.sheets[sheetIndex];
      if (name === undefined) throw new RangeError(`No sheet ${sheetIndex}`);
      report(`Reading the sheet "${name}"…`);
      const rows = await workbook.readSheet(sheetIndex);
      assertHasDataRows(rows, `The sheet "${name}"`);
      review = undefined;
      return loaded(rows, workbookSource(workbook, sheetIndex));
    },

    "choose-header"(request) {
      headerRowIndex = request.headerRowIndex;
      review = undefined;
      const headers = fileRows[headerRowIndex] ?? [];
      const dataRows = fileRows.slice(headerRowIndex + 1).filter((row) => !isBlankRow(row));
      // The rows the auto-mapper judged, so the mapping step never warns against its choice.
      const dateSample = sampleRows(dataRows, DATE_FORMAT_SAMPLE_SIZE);
      return {
        headerRowIndex,
        headers,
        signature: mappingSignature(headers),
        suggestedMapping: autoMapColumns(headers, dataRows),
        samples: headers.map((_, column) => columnSamples(dataRows, column, SAMPLES_PER_COLUMN)),
        fittingDateFormats: headers.map((_, column) =>
          fittingDateFormats(dateSample.map((row) => row[column] ?? "")),
        ),
        dateTallies: headers.map((_, column) =>
          holdsDates(dateSample, column) ? tallyDates(columnValues(dataRows, column)) : null,
        ),
      };
    },

    review({ mapping, region }) {
      report(`Checking ${formatCount(Math.max(0, fileRows.length - headerRowIndex - 1))} rows…`);
      review = createReview(fileRows, { headerRowIndex, mapping, region });
      monitoredRows = [];
      view = filterRows(review, "all");
      return reviewState(review);
    },

    filter({ filter }) {
      view = filterRows(currentReview(), filter);
      return view.length;
    },

    rows({ start, end }) {
      const checked = currentReview();
      const rows = [];
      for (let position = Math.max(0, start); position < Math.min(end, view.length); position++) {
        rows.push(reviewedRow(checked, view[position] ?? 0));
      }
      return rows;
    },

    edit({ rowIndex, columnIndex, value }) {
      const checked = currentReview();
      const changed = applyCellEdit(checked, rowIndex, columnIndex, value);
      return { state: reviewState(checked), rows: changed.map((row) => reviewedRow(checked, row)) };
    },

    fix({ groupKey, action }) {
      const checked = currentReview();
      applyColumnFix(checked, groupKey, action);
      return reviewState(checked);
    },

    "undo-fix"({ fixId }) {
      const checked = currentReview();
      undoColumnFix(checked, fixId);
      return reviewState(checked);
    },

    duplicates({ policy }) {
      const checked = currentReview();
      setDuplicatePolicy(checked, policy);
      return reviewState(checked);
    },

    "monitored-question"() {
      const question = monitoredQuestion(currentReview());
      monitoredRows = question.rows;
      return question.vehicles;
    },

    "already-monitored"({ matches }) {
      const checked = currentReview();
      setMonitoredMatches(checked, { rows: monitoredRows }, matches);
      return reviewState(checked);
    },

    "send-already-monitored"({ send }) {
      const checked = currentReview();
      setSendAlreadyMonitored(checked, send);
      return reviewState(checked);
    },

    payloads({ settings, maxCustomersPerUpload }) {
      report("Preparing the upload…");
      return buildUploadPayloads(currentReview(), settings, maxCustomersPerUpload).map((payload) =>
        JSON.stringify(payload),
      );
    },

    "not-sent-csv"() {
      return notSentCsv(currentReview());
    },
  };

  return {
    async handle(request) {
      // TypeScript can't tie handlers[request.type] to request's own type; the Handlers map guarantees it.
      const handler = handlers[request.type] as (request: PipelineRequest) => unknown;
      return (await handler(request)) as never;
    },
  };
}
