import "server-only";
import { DEFAULT_PAGE_SIZE } from "@/components/data-table/data-table-features";
import type { ExportColumn } from "@/lib/customer-export/columns";
import { customerIndexSearchString, type CustomerIndexSearch } from "@/lib/customer-index/query-params";
import type { Region } from "@/lib/recapture/regions";
import type { SessionUser } from "@/lib/server/auth/sessions";
import { customerIndexStatus } from "@/lib/server/customer-index/index-status";
import { DomainError } from "@/lib/server/domain-error";
import { auditedSheetExport, type SheetExportFile } from "@/lib/server/spreadsheet-export/audited-export";
import type { ExportFormat } from "@/lib/server/spreadsheet-export/sheet-writer";
import { customersExportStream } from "./export-stream";

export interface CustomersExportOrder {
  user: SessionUser;
  region: Region;
  search: CustomerIndexSearch;
  columns: readonly ExportColumn[];
  format: ExportFormat;
  timeZone: string;
}

/** The search the rows answered and their columns, for the audit entry ("filters ?state=VIC; columns rego,state"). */
function auditScope(order: CustomersExportOrder): string {
  const filters =
    customerIndexSearchString({ ...order.search, page: 1, pageSize: DEFAULT_PAGE_SIZE }) || "none";
  return `filters ${filters}; columns ${order.columns.join(",")}`;
}

/**
 * Every customer the search matches, as a file written while it is downloaded. Only from
 * an index that has finished a pass (before that it lacks customers, and a file of some of
 * them would pass for all), one at a time per person; audited once it ends, with how many
 * rows went out and the search they answered.
 */
export async function startCustomersExport(order: CustomersExportOrder): Promise<SheetExportFile> {
  const status = await customerIndexStatus(order.region);
  if (!status.ready)
    throw new DomainError(
      "conflict",
      "index_not_ready",
      "The customer list can be exported once the dashboard has finished indexing every customer. Try again when the customers page says it is up to date.",
    );
  return auditedSheetExport(
    { ...order, kind: "customers", row: "customer", scope: auditScope(order) },
    (hooks) =>
      customersExportStream(
        {
          // The walk reads past the page and its size (they are the table's, not the export's).
          question: { ...order.search, region: order.region },
          columns: order.columns,
          format: order.format,
          timeZone: order.timeZone,
        },
        hooks,
      ),
  );
}
