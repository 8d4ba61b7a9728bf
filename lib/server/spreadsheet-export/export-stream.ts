import "server-only";
import type { ExportCell } from "@/lib/spreadsheet-export/cells";
import { csvSheet } from "./csv-sheet";
import type { ExportFormat, SheetWriter } from "./sheet-writer";
import { xlsxSheet } from "./xlsx-sheet";

/** A sheet to write: its header row, and its rows a chunk at a time, read only as the file is pulled. */
export interface SheetRequest {
  format: ExportFormat;
  headers: readonly string[];
  chunks: AsyncGenerator<readonly (readonly ExportCell[])[]>;
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
}

export const sheetWriters: Record<ExportFormat, () => SheetWriter> = { csv: csvSheet, xlsx: xlsxSheet };

/**
 * An export as a byte stream its reader pulls: each pull reads one chunk of rows (from the
 * database, say) and writes it, so a 100,000-row file is never held whole, a slow reader
 * slows the walk, and a reader that goes away (the download cancelled) stops it.
 */
export function sheetStream(request: SheetRequest, hooks: ExportHooks = {}): ReadableStream<Uint8Array> {
  const writer = sheetWriters[request.format]();
  const walk = request.chunks;
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
        send(controller, writer.start(request.headers));
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
            sent = send(controller, writer.rows(next.value));
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
