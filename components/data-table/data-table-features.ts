import {
  columnVisibilityFeature,
  metaHelper,
  rowExpandingFeature,
  rowPaginationFeature,
  tableFeatures,
  type Column,
  type Row,
  type RowData,
} from "@tanstack/react-table";
import type { ReactTable } from "@tanstack/react-table";

export interface DataTableColumnMeta {
  /** The column's name in the column menu (headers may be shorter or not plain text). */
  label: string;
  /** Classes for the header and body cells, e.g. alignment or `whitespace-nowrap`. */
  className?: string;
  /** The column names each row (an account's email, say): its cells are row headers for screen readers. */
  rowHeader?: boolean;
  /**
   * The column that tells rows apart (a rego, an upload's name): it stays at
   * the left edge while the table scrolls sideways on a narrow screen.
   * Without one, the first column does.
   */
  sticky?: boolean;
  /** A heading the column is listed under in the column menu, after the columns without one. */
  menuGroup?: string;
  /** For a column the list can be sorted by: how it is sorted now, told to screen readers on its header. */
  ariaSort?: "ascending" | "descending" | "none";
}

/**
 * The features every data table in the dashboard uses: server pages, columns
 * that can be hidden, and rows that open to show details. Registered once so
 * the generic pieces (pagination, column menu, expand button) share one type.
 */
export const dataTableFeatures = tableFeatures({
  columnVisibilityFeature,
  rowExpandingFeature,
  rowPaginationFeature,
  columnMeta: metaHelper<DataTableColumnMeta>(),
});

export type DataTableFeatures = typeof dataTableFeatures;
export type DataTableInstance<TData extends RowData> = ReactTable<DataTableFeatures, TData>;
export type DataTableRow<TData extends RowData> = Row<DataTableFeatures, TData>;
export type DataTableColumn<TData extends RowData> = Column<DataTableFeatures, TData>;

export const PAGE_SIZES = [25, 50, 100, 250, 500] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 25;

export function isPageSize(value: number): value is PageSize {
  return (PAGE_SIZES as readonly number[]).includes(value);
}
