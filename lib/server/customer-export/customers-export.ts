import "server-only";
import { DEFAULT_PAGE_SIZE } from "@/components/data-table/data-table-features";
import type { ExportColumn } from "@/lib/customer-export/columns";
import { customerIndexSearchString, type CustomerIndexSearch } from "@/lib/customer-index/query-params";
import { formatQuantity } from "@/lib/format";
import type { Region } from "@/lib/recapture/regions";
import { audit } from "@/lib/server/audit";
import type { SessionUser } from "@/lib/server/auth/sessions";
import { customerIndexStatus } from "@/lib/server/customer-index/index-status";
import { DomainError } from "@/lib/server/domain-error";
import { customersExportStream, type ExportEnd } from "./export-stream";
import {
  CONTENT_TYPES,
  exportFileName,
  type ExportFormat,
} from "@/lib/server/spreadsheet-export/sheet-writer";
import { takeExportTurn } from "@/lib/server/spreadsheet-export/export-turn";

export interface CustomersExportOrder {
  user: SessionUser;
  region: Region;
  search: CustomerIndexSearch;
  columns: readonly ExportColumn[];
  format: ExportFormat;
  timeZone: string;
}

export interface CustomersExportFile {
  fileName: string;
  contentType: string;
  body: ReadableStream<Uint8Array>;
}

/** "1,480 customers as csv; filters ?state=VIC; columns rego,state", and how it ended if it didn't. */
function auditDetail(order: CustomersExportOrder, end: ExportEnd): string {
  const ending = end.complete
    ? ""
    : end.error
      ? ` before it failed (${end.error instanceof Error ? end.error.message : String(end.error)})`
      : " before the download was cancelled";
  const filters =
    customerIndexSearchString({ ...order.search, page: 1, pageSize: DEFAULT_PAGE_SIZE }) || "none";
  return `${formatQuantity(end.rows, "customer")} as ${order.format}${ending}; filters ${filters}; columns ${order.columns.join(",")}`;
}

/**
 * Every customer the search matches, as a file written while it is downloaded. Only from
 * an index that has finished a pass (before that it lacks customers, and a file of some of
 * them would pass for all), one at a time per person; audited once it ends, with how many
 * rows went out and the search they answered.
 */
export async function startCustomersExport(order: CustomersExportOrder): Promise<CustomersExportFile> {
  const status = await customerIndexStatus(order.region);
  if (!status.ready)
    throw new DomainError(
      "conflict",
      "index_not_ready",
      "The customer list can be exported once the dashboard has finished indexing every customer. Try again when the customers page says it is up to date.",
    );
  const turn = await takeExportTurn("customers", order.user.id);
  if (!turn)
    throw new DomainError(
      "busy",
      "export_running",
      "Your previous export is still being written. Wait for its download to finish, then try again.",
      { retryAfterSeconds: 5 },
    );
  const body = customersExportStream(
    {
      // The walk reads past the page and its size (they are the table's, not the export's).
      question: { ...order.search, region: order.region },
      columns: order.columns,
      format: order.format,
      timeZone: order.timeZone,
    },
    {
      onChunk: turn.renew,
      onEnd: async (end) => {
        await turn
          .release()
          .catch((failure: unknown) => console.error("Could not end an export's turn:", failure));
        await audit({
          user: order.user,
          action: "customers.export",
          outcome: end.complete ? "success" : "failure",
          detail: auditDetail(order, end),
        });
      },
    },
  );
  return {
    fileName: exportFileName("customers", order.format, order.timeZone),
    contentType: CONTENT_TYPES[order.format],
    body,
  };
}
