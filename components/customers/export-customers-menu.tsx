"use client";

import { useQuery } from "@tanstack/react-query";
import { ExportMenu } from "@/components/data-table/export-menu";
import { customersExportHref } from "@/lib/customer-export/export-href";
import type { CustomerIndexSearch } from "@/lib/customer-index/query-params";
import { formatCount } from "@/lib/format";
import { customerIndexQueries } from "@/lib/queries/customer-index";

export interface ExportCustomersMenuProps {
  /** The table's question: the export has every customer it matches, not only the page on screen. */
  search: CustomerIndexSearch;
  /** The table's visible column ids, in its order. */
  columns: readonly string[];
  /** The table's own reason to offer no export yet (still loading, say). */
  disabled?: boolean;
  /** How many customers match, when the table knows. */
  total?: number;
}

function matchLine(total: number | undefined): string {
  if (total === undefined) return "Exports every customer that matches.";
  if (total === 1) return "Exports the 1 customer that matches.";
  return `Exports all ${formatCount(total)} customers that match.`;
}

/** Download the customers the table's search matches, as CSV or Excel, with the columns on screen. */
export function ExportCustomersMenu({ search, columns, disabled = false, total }: ExportCustomersMenuProps) {
  // Before the index's first complete pass the server refuses: it would be some of the customers, not all.
  const { data: status } = useQuery(customerIndexQueries.status());
  const indexReady = status?.ready === true;
  const available = indexReady && total !== 0;
  return (
    <ExportMenu
      disabled={disabled}
      note={
        !indexReady
          ? "Export is available once every customer has been indexed."
          : total === 0
            ? "No customers match, so there is nothing to export."
            : matchLine(total)
      }
      exportHref={available ? (format) => customersExportHref(search, columns, format) : undefined}
    />
  );
}
