import type { DataTableColumnMeta } from "@/components/data-table/data-table-features";

interface VisibleColumn {
  id: string;
  columnDef: { meta?: DataTableColumnMeta };
}

/**
 * The column kept in view while a table scrolls sideways: the visible one
 * marked `sticky`, else the first visible one (the column that usually names
 * the row, so tables that say nothing still get one).
 */
export function stickyColumnId(visibleColumns: readonly VisibleColumn[]): string | undefined {
  return (visibleColumns.find((column) => column.columnDef.meta?.sticky) ?? visibleColumns[0])?.id;
}
