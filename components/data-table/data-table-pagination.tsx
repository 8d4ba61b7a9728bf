"use client";

import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { RowData } from "@tanstack/react-table";
import { PAGE_SIZES, type DataTableInstance } from "@/components/data-table/data-table-features";
import { formatCount } from "@/lib/format";

export interface DataTablePaginationProps<TData extends RowData> {
  table: DataTableInstance<TData>;
  /** What the rows are, plural: "Showing 1–25 of 1,500 customers". */
  itemLabel: string;
}

export function DataTablePagination<TData extends RowData>({
  table,
  itemLabel,
}: DataTablePaginationProps<TData>) {
  const { pageIndex, pageSize } = table.state.pagination;
  const rowCount = table.getRowCount();
  const pageCount = Math.max(table.getPageCount(), 1);
  const first = rowCount === 0 ? 0 : pageIndex * pageSize + 1;
  const last = Math.min((pageIndex + 1) * pageSize, rowCount);
  const sizeId = useId();
  const goToId = useId();
  const [goTo, setGoTo] = useState("");

  function submitGoTo(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const page = Number.parseInt(goTo, 10);
    if (Number.isNaN(page)) return;
    table.setPageIndex(Math.min(Math.max(page, 1), pageCount) - 1);
    setGoTo("");
  }

  return (
    <nav
      aria-label="Pagination"
      className="flex flex-wrap items-center justify-between gap-x-6 gap-y-3 py-3 text-sm text-slate-700"
    >
      <p aria-live="polite">
        {rowCount === 0
          ? `No ${itemLabel}`
          : `Showing ${formatCount(first)}–${formatCount(last)} of ${formatCount(rowCount)} ${itemLabel}`}
      </p>
      <div className="flex flex-wrap items-center gap-x-5 gap-y-3">
        <div className="flex items-center gap-2">
          <label htmlFor={sizeId}>Rows per page</label>
          <Select
            id={sizeId}
            value={pageSize}
            onChange={(event) => table.setPageSize(Number(event.target.value))}
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </Select>
        </div>
        <p className="tabular-nums">
          Page {formatCount(pageIndex + 1)} of {formatCount(pageCount)}
        </p>
        <div className="flex items-center gap-1">
          <Button
            variant="secondary"
            size="sm"
            onClick={() => table.firstPage()}
            disabled={!table.getCanPreviousPage()}
          >
            First
          </Button>
          <Button
            variant="secondary"
            size="sm"
            onClick={() => table.previousPage()}
            disabled={!table.getCanPreviousPage()}
          >
            Previous
          </Button>
          <Button
            variant="secondary"
            size="sm"
            onClick={() => table.nextPage()}
            disabled={!table.getCanNextPage()}
          >
            Next
          </Button>
          <Button
            variant="secondary"
            size="sm"
            onClick={() => table.lastPage()}
            disabled={!table.getCanNextPage()}
          >
            Last
          </Button>
        </div>
        <form onSubmit={submitGoTo} className="flex items-center gap-2">
          <label htmlFor={goToId}>Go to page</label>
          <Input
            id={goToId}
            type="number"
            inputMode="numeric"
            min={1}
            max={pageCount}
            value={goTo}
            onChange={(event) => setGoTo(event.target.value)}
            className="w-20"
          />
          <Button type="submit" variant="secondary" size="sm">
            Go
          </Button>
        </form>
      </div>
    </nav>
  );
}
