import {
  applyCellEdit,
  buildUploadPayloads,
  autoMapColumns,
  columnSamples,
  createReview,
  DATE_FORMAT_SAMPLE_SIZE,
  decodeCsvBytes,
  detectHeaderRow,
  filterRows,
  fittingDateFormats,
  isBlankRow,
  mappingSignature,
  notSentCsv,
  parseCsvText,
  reviewCounts,
  reviewedRow,
  sampleRows,
  type Review,
} from "@/lib/csv";
import type {
  PipelineRequest,
  PipelineRequestOf,
  PipelineRequestType,
  PipelineResults,
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

/**
 * The wizard's side of lib/csv, holding one file at a time: its rows, the header row,
 * the review and the view the table pages through. Pure apart from `report`, so it runs
 * in the Web Worker and in unit tests alike.
 */
export function createPipelineSession(report: (message: string) => void): PipelineSession {
  let fileRows: string[][] = [];
  let headerRowIndex = 0;
  let review: Review | undefined;
  let view: Uint32Array = new Uint32Array(0);

  const currentReview = (): Review => {
    if (!review) throw new Error("The rows haven't been checked yet");
    return review;
  };

  const handlers: Handlers = {
    async load({ file, maxBytes }) {
      review = undefined;
      fileRows = [];
      const bytes = new Uint8Array(await file.arrayBuffer());
      report("Decoding the text…");
      const { text, encoding } = decodeCsvBytes(bytes, maxBytes);
      report("Splitting it into rows…");
      const parsed = parseCsvText(text);
      fileRows = parsed.rows;
      return {
        encoding,
        delimiter: parsed.delimiter,
        warnings: parsed.warnings,
        recordCount: fileRows.length,
        previewRows: fileRows
          .slice(0, PREVIEW_ROWS)
          .map((row) => row.map((cell) => cell.slice(0, PREVIEW_CELL_LENGTH))),
        detectedHeaderRowIndex: detectHeaderRow(fileRows),
      };
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
      };
    },

    review({ mapping, region }) {
      report(`Checking ${formatCount(Math.max(0, fileRows.length - headerRowIndex - 1))} rows…`);
      review = createReview(fileRows, { headerRowIndex, mapping, region });
      view = filterRows(review, "all");
      return reviewCounts(review);
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
      return { counts: reviewCounts(checked), rows: changed.map((row) => reviewedRow(checked, row)) };
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
