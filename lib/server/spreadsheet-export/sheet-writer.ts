import type { ExportCell } from "@/lib/spreadsheet-export/cells";

/** One format of a spreadsheet export, written a chunk of rows at a time into bytes to send. */
export interface SheetWriter {
  /** The file's start and its header row. */
  start(headers: readonly string[]): Uint8Array[];
  rows(rows: readonly (readonly ExportCell[])[]): Uint8Array[];
  end(): Uint8Array[];
}

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};
