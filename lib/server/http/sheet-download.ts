import "server-only";
import type { SheetExportFile } from "@/lib/server/spreadsheet-export/audited-export";
import { EXPORT_FORMATS, type ExportFormat } from "@/lib/server/spreadsheet-export/sheet-writer";
import { HttpError } from "./errors";

/** An export route's two ends over HTTP: the file format asked for, and the file as a download. */

/** `?format=csv|xlsx`; anything else (or nothing) is refused naming the two there are. */
export function exportFormatParam(params: URLSearchParams): ExportFormat {
  const format = params.get("format") ?? "";
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new HttpError(400, "invalid_format", "Choose format=csv or format=xlsx.");
  return format as ExportFormat;
}

/** The export's file as a download, streamed as it is written, never cached nor sniffed as something else. */
export function sheetDownload(file: SheetExportFile): Response {
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
