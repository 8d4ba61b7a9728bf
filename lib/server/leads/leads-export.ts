import "server-only";
import { DEFAULT_PAGE_SIZE } from "@/components/data-table/data-table-features";
import { LEAD_EXPORT_HEADERS, leadExportRows } from "@/lib/leads/lead-export";
import { leadListSearchString, type LeadListSearch } from "@/lib/leads/lead-list-params";
import type { Region } from "@/lib/recapture/regions";
import type { SessionUser } from "@/lib/server/auth/sessions";
import { walkLeads } from "@/lib/server/db/lead-list";
import { auditedSheetExport, type SheetExportFile } from "@/lib/server/spreadsheet-export/audited-export";
import { sheetStream } from "@/lib/server/spreadsheet-export/export-stream";
import type { ExportFormat } from "@/lib/server/spreadsheet-export/sheet-writer";
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

/** The filters the rows answered, for the audit entry ("filters ?status=new"). */
function auditScope(search: LeadListSearch): string {
  return `filters ${leadListSearchString({ ...search, page: 1, pageSize: DEFAULT_PAGE_SIZE }) || "none"}`;
}

/**
 * Every lead the inbox's filters match, in its order, as a file written while it is
 * downloaded; one leads export at a time per person, audited once it ends with how many
 * rows went out and the filters they answered.
 */
export async function startLeadsExport(order: LeadsExportOrder): Promise<SheetExportFile> {
  const now = order.now ?? new Date();
  return auditedSheetExport(
    { ...order, kind: "leads", row: "lead", scope: auditScope(order.search), now },
    async (hooks) => {
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
      return sheetStream({ format: order.format, headers: LEAD_EXPORT_HEADERS, chunks: rows() }, hooks);
    },
  );
}
