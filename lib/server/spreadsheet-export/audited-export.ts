import "server-only";
import { formatQuantity } from "@/lib/format";
import { audit } from "@/lib/server/audit";
import type { SessionUser } from "@/lib/server/auth/sessions";
import { DomainError } from "@/lib/server/domain-error";
import type { ExportEnd, ExportHooks } from "./export-stream";
import { takeExportTurn } from "./export-turn";
import { CONTENT_TYPES, exportFileName, type ExportFormat } from "./sheet-writer";

export interface AuditedSheetExportOrder {
  /** What is exported ("leads"): names the person's export turn, the file and the audit action. */
  kind: string;
  /** One row in the audit entry ("lead"). */
  row: string;
  /** What the rows answered, for the audit entry ("filters ?status=new"). */
  scope: string;
  user: SessionUser;
  format: ExportFormat;
  timeZone: string;
  /** The file's date (today when not given). */
  now?: Date;
}

export interface SheetExportFile {
  fileName: string;
  contentType: string;
  body: ReadableStream<Uint8Array>;
}

/** "120 leads as csv; filters ?status=new", and how it ended if it didn't. */
function auditDetail(order: AuditedSheetExportOrder, end: ExportEnd): string {
  const ending = end.complete
    ? ""
    : end.error
      ? ` before it failed (${end.error instanceof Error ? end.error.message : String(end.error)})`
      : " before the download was cancelled";
  return `${formatQuantity(end.rows, order.row)} as ${order.format}${ending}; ${order.scope}`;
}

/**
 * An export as a download: one of its kind at a time per person (the turn is renewed as each
 * chunk is read and given up when it ends), audited once it ends with how many rows went out.
 * `write` makes the file's stream once the turn is taken, with the hooks that keep it.
 */
export async function auditedSheetExport(
  order: AuditedSheetExportOrder,
  write: (hooks: ExportHooks) => ReadableStream<Uint8Array> | Promise<ReadableStream<Uint8Array>>,
): Promise<SheetExportFile> {
  const turn = await takeExportTurn(order.kind, order.user.id);
  if (!turn)
    throw new DomainError(
      "busy",
      "export_running",
      "Your previous export is still being written. Wait for its download to finish, then try again.",
      { retryAfterSeconds: 5 },
    );
  const body = await write({
    onChunk: turn.renew,
    onEnd: async (end) => {
      await turn
        .release()
        .catch((failure: unknown) => console.error("Could not end an export's turn:", failure));
      await audit({
        user: order.user,
        action: `${order.kind}.export`,
        outcome: end.complete ? "success" : "failure",
        detail: auditDetail(order, end),
      });
    },
  });
  return {
    fileName: exportFileName(order.kind, order.format, order.timeZone, order.now),
    contentType: CONTENT_TYPES[order.format],
    body,
  };
}
