import { formatDateTime } from "@/lib/format";
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

/** customers-2026-12-03.csv: what is exported and the day in the dealership's zone. */
export function exportFileName(
  kind: string,
  format: ExportFormat,
  timeZone: string,
  now = new Date(),
): string {
  const [day, month, year] = formatDateTime(now.toISOString(), timeZone).split(/[/ ]/);
  return `${kind}-${year}-${month}-${day}.${format}`;
}
