import "server-only";
import { exportHeaders, exportRows } from "@/lib/customer-export/cells";
import type { ExportColumn } from "@/lib/customer-export/columns";
import type { IndexedCustomersQuestion } from "@/lib/server/db/customer-index-search";
import { walkIndexedCustomers } from "@/lib/server/db/customer-index-walk";
import { csvSheet } from "./csv-sheet";
import type { ExportFormat, SheetWriter } from "./sheet-writer";
import { xlsxSheet } from "./xlsx-sheet";

export interface ExportRequest {
  question: IndexedCustomersQuestion;
  columns: readonly ExportColumn[];
  format: ExportFormat;
  timeZone: string;
  now?: Date;
}

export interface ExportEnd {
  rows: number;
  /** False when the reader went away (or the walk failed) before the end. */
  complete: boolean;
  error?: unknown;
}

export interface ExportHooks {
  /** Before each chunk is read. */
  onChunk?: () => Promise<void>;
  /** Once, however the export ends. */
  onEnd?: (end: ExportEnd) => Promise<void>;
  chunkSize?: number;
}

export const sheetWriters: Record<ExportFormat, () => SheetWriter> = { csv: csvSheet, xlsx: xlsxSheet };

/**
 * The export as a byte stream its reader pulls: each pull reads one chunk of customers
 * from the index and writes it, so a 100,000-row file is never held whole, a slow reader
 * slows the walk, and a reader that goes away (the download cancelled) stops it.
 */
export function customersExportStream(
  request: ExportRequest,
  hooks: ExportHooks = {},
): ReadableStream<Uint8Array> {
  const writer = sheetWriters[request.format]();
  const walk = walkIndexedCustomers(request.question, { now: request.now, chunkSize: hooks.chunkSize });
  const toRow = exportRows(request.columns, request.timeZone);
  let rows = 0;
  let ended = false;
  const end = async (outcome: Omit<ExportEnd, "rows">) => {
    if (ended) return;
    ended = true;
    await hooks.onEnd?.({ rows, ...outcome });
  };
  /** Whether anything went out. */
  const send = (controller: ReadableStreamDefaultController<Uint8Array>, chunks: Uint8Array[]) => {
    const bytes = chunks.filter((chunk) => chunk.length > 0);
    for (const chunk of bytes) controller.enqueue(chunk);
    return bytes.length > 0;
  };

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        send(controller, writer.start(exportHeaders(request.columns)));
      },
      async pull(controller) {
        try {
          // A pull that enqueues nothing isn't called again (the deflater may keep a small chunk's
          // bytes for later): read on until something goes out.
          for (let sent = false; !sent;) {
            await hooks.onChunk?.();
            const next = await walk.next();
            if (next.done) {
              send(controller, writer.end());
              // Recorded before the stream ends, so a finished download has its audit entry.
              await end({ complete: true });
              controller.close();
              return;
            }
            rows += next.value.length;
            sent = send(controller, writer.rows(next.value.map(toRow)));
          }
        } catch (error) {
          controller.error(error);
          await walk.return(undefined).catch(() => undefined);
          await end({ complete: false, error });
        }
      },
      async cancel() {
        await walk.return(undefined);
        await end({ complete: false });
      },
    },
    // One chunk waiting is enough: the next is read only once the reader has taken it.
    { highWaterMark: 1 },
  );
}
