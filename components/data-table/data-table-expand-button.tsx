"use client";

import { expandedRowId } from "@/components/data-table/data-table";
import type { RowData } from "@tanstack/react-table";
import type { DataTableRow } from "@/components/data-table/data-table-features";

export interface DataTableExpandButtonProps<TData extends RowData> {
  row: DataTableRow<TData>;
  /** What opening the row shows, e.g. "sightings of ABC123"; read as "Show …" or "Hide …". */
  label: string;
}

export function DataTableExpandButton<TData extends RowData>({
  row,
  label,
}: DataTableExpandButtonProps<TData>) {
  const expanded = row.getIsExpanded();
  return (
    <button
      type="button"
      onClick={() => row.toggleExpanded()}
      aria-expanded={expanded}
      aria-controls={expanded ? expandedRowId(row) : undefined}
      aria-label={`${expanded ? "Hide" : "Show"} ${label}`}
      className="inline-flex h-7 w-7 items-center justify-center rounded text-slate-500 hover:bg-slate-200 hover:text-slate-900"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 20 20"
        fill="currentColor"
        className={`h-4 w-4 transition-transform ${expanded ? "rotate-90" : ""}`}
      >
        <path
          fillRule="evenodd"
          d="M7.2 14.8a.75.75 0 0 1 0-1.06L10.94 10 7.2 6.26a.75.75 0 1 1 1.06-1.06l4.27 4.27a.75.75 0 0 1 0 1.06L8.26 14.8a.75.75 0 0 1-1.06 0Z"
          clipRule="evenodd"
        />
      </svg>
    </button>
  );
}
