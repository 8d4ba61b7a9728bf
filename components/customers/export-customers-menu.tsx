"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useQuery } from "@tanstack/react-query";
import { buttonStyles } from "@/components/ui/button-styles";
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

const FORMATS = [
  { format: "csv", label: "CSV (.csv)" },
  { format: "xlsx", label: "Excel (.xlsx)" },
] as const;

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
    // Not modal, as the Columns menu: the table stays readable beside it.
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        disabled={disabled}
        className={buttonStyles({ variant: "secondary", size: "sm" })}
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4 text-slate-500">
          <path d="M10.75 2.75a.75.75 0 0 0-1.5 0v8.614L6.295 8.235a.75.75 0 1 0-1.09 1.03l4.25 4.5a.75.75 0 0 0 1.09 0l4.25-4.5a.75.75 0 0 0-1.09-1.03l-2.955 3.129V2.75Z" />
          <path d="M3.5 12.75a.75.75 0 0 0-1.5 0v2.5A2.75 2.75 0 0 0 4.75 18h10.5A2.75 2.75 0 0 0 18 15.25v-2.5a.75.75 0 0 0-1.5 0v2.5c0 .69-.56 1.25-1.25 1.25H4.75c-.69 0-1.25-.56-1.25-1.25v-2.5Z" />
        </svg>
        Export
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={4}
          className="z-30 w-64 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg"
        >
          <DropdownMenu.Label className="px-2 py-1.5 text-xs text-slate-600">
            {!indexReady
              ? "Export is available once every customer has been indexed."
              : total === 0
                ? "No customers match, so there is nothing to export."
                : matchLine(total)}
          </DropdownMenu.Label>
          {FORMATS.map(({ format, label }) => (
            <DropdownMenu.Item
              key={format}
              asChild
              disabled={!available}
              className="flex cursor-default items-center rounded px-2 py-1.5 text-slate-800 outline-none data-[disabled]:pointer-events-none data-[disabled]:text-slate-400 data-[highlighted]:bg-brand-50 data-[highlighted]:text-brand-900"
            >
              {/* A plain download: the browser saves the file as the server writes it, whatever its size. */}
              <a href={available ? customersExportHref(search, columns, format) : undefined} download>
                {label}
              </a>
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
