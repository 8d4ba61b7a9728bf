"use client";

import { Fragment, type ReactNode } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import type { RowData } from "@tanstack/react-table";
import type { DataTableInstance, DataTableRow } from "@/components/data-table/data-table-features";
import { stickyColumnId } from "@/components/data-table/sticky-column";
import { useScrollsSideways } from "@/components/data-table/use-scrolls-sideways";

export interface DataTableProps<TData extends RowData> {
  table: DataTableInstance<TData>;
  /** Names the table for screen readers. */
  caption: string;
  /** Content of the full-width row under an expanded row. */
  renderExpanded?: (row: DataTableRow<TData>) => ReactNode;
  /**
   * For a row that can't be shown column by column (a record that couldn't be read):
   * content drawn across the whole row in place of its cells. Undefined for other rows.
   */
  renderWholeRow?: (row: DataTableRow<TData>) => ReactNode | undefined;
  /** Shown in place of the rows when the page is empty. */
  empty: ReactNode;
  /** Set while the first page loads: grey rows stand in, announced with this text. */
  loadingLabel?: string;
  /** True while a new page loads behind the one on screen. */
  busy?: boolean;
  /** Extra classes for a row, e.g. to grey out a disabled account. */
  rowClassName?: (row: DataTableRow<TData>) => string | undefined;
}

const SKELETON_ROWS = 10;

// Sticky cells are opaque so nothing shows through as the row scrolls under them; they paint the row's
// hover and open tints themselves (the tint as a layer over white, the same colour the row shows).
const STICKY_CELL = "sticky left-0 z-10 sticky-edge";
const STICKY_HEADER = `${STICKY_CELL} bg-slate-50`;
function stickyBodyCell(expanded: boolean): string {
  const tint = expanded ? "bg-linear-to-r from-brand-50/40 to-brand-50/40 group-hover:bg-none" : "";
  return `${STICKY_CELL} bg-white group-hover:bg-slate-50 ${tint}`;
}

/** The id of the row under `row` holding its details, for the expand button's `aria-controls`. */
export function expandedRowId(row: { id: string }): string {
  return `row-details-${row.id}`;
}

// For content spanning the whole row (details, the empty state): as wide as the scrolling box and held at
// its left edge, so it stays in view however far the table has been scrolled.
const FULL_ROW = "sticky left-0 w-[100cqw]";

export function DataTable<TData extends RowData>({
  table,
  caption,
  renderExpanded,
  renderWholeRow,
  empty,
  loadingLabel,
  busy = false,
  rowClassName,
}: DataTableProps<TData>) {
  const rows = table.getRowModel().rows;
  const columnCount = table.getVisibleLeafColumns().length;
  const stickyId = stickyColumnId(table.getVisibleLeafColumns());
  const [scrollBox, scrollsSideways] = useScrollsSideways<HTMLDivElement>();
  return (
    // Relative: screen-reader-only text in a cell is positioned absolutely; without a containing block here it
    // would sit outside the scrolling box and widen the page. A size container for FULL_ROW's width: it
    // takes its width from its parent, never from the table.
    // Scrolling sideways, it is a named stop in the tab order, so the arrow keys can bring hidden columns in.
    <div
      ref={scrollBox}
      {...(scrollsSideways
        ? { role: "region", "aria-label": `${caption}, scrolls sideways`, tabIndex: 0 }
        : {})}
      className="@container relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      {loadingLabel && (
        <p role="status" className="sr-only">
          {loadingLabel}
        </p>
      )}
      <table
        aria-busy={busy || Boolean(loadingLabel)}
        className={`w-full border-collapse text-sm transition-opacity ${busy ? "opacity-60" : ""}`}
      >
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th
                  key={header.id}
                  scope="col"
                  aria-sort={header.column.columnDef.meta?.ariaSort}
                  className={`px-3 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600 ${header.column.id === stickyId ? STICKY_HEADER : ""} ${header.column.columnDef.meta?.className ?? ""}`}
                >
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100">
          {loadingLabel ? (
            Array.from({ length: SKELETON_ROWS }, (_, index) => (
              <tr key={index} aria-hidden="true">
                {table.getVisibleLeafColumns().map((column) => (
                  <td
                    key={column.id}
                    className={`px-3 py-3 ${column.id === stickyId ? stickyBodyCell(false) : ""}`}
                  >
                    <Skeleton className="h-4 w-full max-w-28" />
                  </td>
                ))}
              </tr>
            ))
          ) : rows.length === 0 ? (
            <tr>
              <td colSpan={columnCount} className="p-0">
                <div className={FULL_ROW}>{empty}</div>
              </td>
            </tr>
          ) : (
            rows.map((row) => {
              const whole = renderWholeRow?.(row);
              if (whole !== undefined) {
                return (
                  <tr key={row.id}>
                    <td colSpan={columnCount} className="p-0">
                      <div className={`${FULL_ROW} px-3 py-2`}>{whole}</div>
                    </td>
                  </tr>
                );
              }
              const expanded = renderExpanded !== undefined && row.getIsExpanded();
              return (
                <Fragment key={row.id}>
                  <tr
                    className={`group hover:bg-slate-50 ${expanded ? "bg-brand-50/40" : ""} ${rowClassName?.(row) ?? ""}`}
                  >
                    {row.getVisibleCells().map((cell) => {
                      const rowHeader = cell.column.columnDef.meta?.rowHeader === true;
                      const Cell = rowHeader ? "th" : "td";
                      return (
                        <Cell
                          key={cell.id}
                          scope={rowHeader ? "row" : undefined}
                          className={`px-3 py-2 align-top ${rowHeader ? "text-left font-normal" : ""} ${cell.column.id === stickyId ? stickyBodyCell(expanded) : ""} ${cell.column.columnDef.meta?.className ?? ""}`}
                        >
                          <table.FlexRender cell={cell} />
                        </Cell>
                      );
                    })}
                  </tr>
                  {expanded && (
                    <tr id={expandedRowId(row)} className="bg-slate-50/70">
                      <td colSpan={columnCount} className="p-0">
                        <div className={`${FULL_ROW} px-3 py-3`}>{renderExpanded(row)}</div>
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })
          )}
        </tbody>
      </table>
    </div>
  );
}
