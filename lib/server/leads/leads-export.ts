import "server-only";
import { DEFAULT_PAGE_SIZE } from "@/components/data-table/data-table-features";
import { formatQuantity } from "@/lib/format";
import { LEAD_EXPORT_HEADERS, leadExportRows } from "@/lib/leads/lead-export";
import { leadListSearchString, type LeadListSearch } from "@/lib/leads/lead-list-params";
import type { Region } from "@/lib/recapture/regions";
import { audit } from "@/lib/server/audit";
import type { SessionUser } from "@/lib/server/auth/sessions";
import { walkLeads } from "@/lib/server/db/lead-list";
import { DomainError } from "@/lib/server/domain-error";
import { sheetStream, type ExportEnd } from "@/lib/server/spreadsheet-export/export-stream";
import { takeExportTurn } from "@/lib/server/spreadsheet-export/export-turn";
import {
  CONTENT_TYPES,
  exportFileName,
  type ExportFormat,
} from "@/lib/server/spreadsheet-export/sheet-writer";
import { dealershipContactFields } from "./contact-fields";

export interface LeadsExportOrder {
  user: SessionUser;
  region: Region;
  search: LeadListSearch;
  format: ExportFormat;
  timeZone: string;
  now?: Date;
  /** Leads read at a time (tests make it small). */
  chunkSize?: number;
}

export interface LeadsExportFile {
  fileName: string;
  contentType: string;
  body: ReadableStream<Uint8Array>;
}

/** "120 leads as csv; filters ?status=new", and how it ended if it didn't. */
function auditDetail(order: LeadsExportOrder, end: ExportEnd): string {
  const ending = end.complete
    ? ""
    : end.error
      ? ` before it failed (${end.error instanceof Error ? end.error.message : String(end.error)})`
      : " before the download was cancelled";
  const filters = leadListSearchString({ ...order.search, page: 1, pageSize: DEFAULT_PAGE_SIZE }) || "none";
  return `${formatQuantity(end.rows, "lead")} as ${order.format}${ending}; filters ${filters}`;
}

/**
 * Every lead the inbox's filters match, in its order, as a file written while it is
 * downloaded; one leads export at a time per person, audited once it ends with how many
 * rows went out and the filters they answered.
 */
export async function startLeadsExport(order: LeadsExportOrder): Promise<LeadsExportFile> {
  const turn = await takeExportTurn("leads", order.user.id);
  if (!turn)
    throw new DomainError(
      "busy",
      "export_running",
      "Your previous export is still being written. Wait for its download to finish, then try again.",
      { retryAfterSeconds: 5 },
    );
  const now = order.now ?? new Date();
  const toRow = leadExportRows(order.timeZone, now);
  // The walk reads past the page and its size (they are the inbox's, not the export's).
  const walk = walkLeads(
    { ...order.search, region: order.region },
    { userId: order.user.id },
    await dealershipContactFields(order.region),
    { now, chunkSize: order.chunkSize },
  );
  async function* rows() {
    for await (const leads of walk) yield leads.map(toRow);
  }
  const body = sheetStream(
    { format: order.format, headers: LEAD_EXPORT_HEADERS, chunks: rows() },
    {
      onChunk: turn.renew,
      onEnd: async (end) => {
        await turn
          .release()
          .catch((failure: unknown) => console.error("Could not end an export's turn:", failure));
        await audit({
          user: order.user,
          action: "leads.export",
          outcome: end.complete ? "success" : "failure",
          detail: auditDetail(order, end),
        });
      },
    },
  );
  return {
    fileName: exportFileName("leads", order.format, order.timeZone, now),
    contentType: CONTENT_TYPES[order.format],
    body,
  };
}
