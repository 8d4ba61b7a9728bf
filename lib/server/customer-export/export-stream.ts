import "server-only";
import { exportHeaders, exportRows } from "@/lib/customer-export/cells";
import type { ExportColumn } from "@/lib/customer-export/columns";
import type { IndexedCustomersQuestion } from "@/lib/server/db/customer-index-search";
import { walkIndexedCustomers } from "@/lib/server/db/customer-index-walk";
import { sheetStream, type ExportHooks } from "@/lib/server/spreadsheet-export/export-stream";
import type { ExportFormat } from "@/lib/server/spreadsheet-export/sheet-writer";

export type { ExportEnd } from "@/lib/server/spreadsheet-export/export-stream";

export interface ExportRequest {
  question: IndexedCustomersQuestion;
  columns: readonly ExportColumn[];
  format: ExportFormat;
  timeZone: string;
  now?: Date;
}

async function* rowsOf<T, Row>(walk: AsyncGenerator<T[]>, toRow: (item: T) => Row): AsyncGenerator<Row[]> {
  for await (const chunk of walk) yield chunk.map(toRow);
}

/** Every customer the question matches, in the table's order, as the columns asked for. */
export function customersExportStream(
  request: ExportRequest,
  hooks: ExportHooks & { chunkSize?: number } = {},
): ReadableStream<Uint8Array> {
  return sheetStream(
    {
      format: request.format,
      headers: exportHeaders(request.columns),
      chunks: rowsOf(
        walkIndexedCustomers(request.question, { now: request.now, chunkSize: hooks.chunkSize }),
        exportRows(request.columns, request.timeZone),
      ),
    },
    hooks,
  );
}
