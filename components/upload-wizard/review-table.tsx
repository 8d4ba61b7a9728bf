"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef } from "react";
import type { ReviewedRow } from "@/lib/csv";
import { Skeleton } from "@/components/ui/skeleton";
import type { RowEdit } from "@/components/upload-wizard/pipeline-protocol";
import { ReviewTableRow } from "@/components/upload-wizard/review-table-row";
import type { Pipeline } from "@/components/upload-wizard/use-pipeline";
import { useReviewRows } from "@/components/upload-wizard/use-review-rows";

export interface ReviewTableProps {
  run: Pipeline["run"];
  /** Rows in the current view (the filter's count). */
  total: number;
  headers: readonly string[];
  /** Under each header: where the column goes (e.g. "Rego", "not sent"). */
  columnNotes: readonly string[];
  onEdited: (edit: RowEdit, row: ReviewedRow) => void;
}

const ROW_HEIGHT = 44;
// Row, status and problems come before the file's own columns, so the reason is in view.
const FIXED_COLUMNS = 3;

/**
 * The rows of the current view, virtualised: only the rows on screen are in the page
 * and only their blocks are fetched from the worker, so 100,000 rows scroll like 100.
 */
export function ReviewTable({ run, total, headers, columnNotes, onEdited }: ReviewTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useReviewRows(run, total);
  // TanStack Virtual returns functions that the React Compiler must not memoise.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  const { load, replace } = rows;

  useEffect(() => load(first, last + 1), [load, first, last]);

  async function edit(row: ReviewedRow, columnIndex: number, value: string) {
    const result = await run({ type: "edit", rowIndex: row.index, columnIndex, value });
    replace(result.rows);
    onEdited(result, result.rows.find((changed) => changed.index === row.index) ?? row);
  }

  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <div
      ref={scroller}
      className="max-h-[65vh] min-h-48 overflow-auto rounded-md border border-slate-200"
      tabIndex={-1}
    >
      <table
        className="w-max min-w-full border-separate border-spacing-0 text-sm"
        aria-rowcount={total + 1}
        aria-label="Rows of the file"
      >
        <thead>
          <tr aria-rowindex={1}>
            {[
              "Row",
              "Status",
              "Problems",
              ...headers.map((header, column) => header.trim() || `Column ${column + 1}`),
            ].map((title, i) => (
              <th
                key={i}
                scope="col"
                // The row number stays in view while the file's columns scroll sideways (ReviewTableRow).
                className={`sticky top-0 whitespace-nowrap border-b border-slate-200 bg-slate-50 px-3 py-2 text-left text-xs font-semibold text-slate-700 ${i === 0 ? "sticky-edge left-0 z-20" : "z-10"}`}
              >
                {title}
                {i >= FIXED_COLUMNS && (
                  <span className="block text-[11px] font-normal text-slate-500">
                    {columnNotes[i - FIXED_COLUMNS]}
                  </span>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 && <tr aria-hidden="true" style={{ height: paddingTop }} />}
          {items.map((item) => {
            const row = rows.rowAt(item.index);
            return row ? (
              <ReviewTableRow
                key={row.index}
                row={row}
                headers={headers}
                rowIndex={item.index + 2}
                height={ROW_HEIGHT}
                onEdit={edit}
              />
            ) : (
              <tr key={`loading-${item.index}`} style={{ height: ROW_HEIGHT }} aria-rowindex={item.index + 2}>
                <td colSpan={headers.length + 3} className="px-3">
                  <Skeleton className="h-4 w-full" />
                </td>
              </tr>
            );
          })}
          {paddingBottom > 0 && <tr aria-hidden="true" style={{ height: paddingBottom }} />}
        </tbody>
      </table>
    </div>
  );
}
