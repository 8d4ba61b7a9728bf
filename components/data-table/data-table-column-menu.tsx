"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { buttonStyles } from "@/components/ui/button-styles";
import type { RowData } from "@tanstack/react-table";
import type { DataTableColumn, DataTableInstance } from "@/components/data-table/data-table-features";

export interface DataTableColumnMenuProps<TData extends RowData> {
  table: DataTableInstance<TData>;
}

const LABEL_CLASS = "px-2 py-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500";

function ColumnCheckbox<TData extends RowData>({ column }: { column: DataTableColumn<TData> }) {
  return (
    <DropdownMenu.CheckboxItem
      checked={column.getIsVisible()}
      onCheckedChange={(checked) => column.toggleVisibility(checked)}
      // Keeps the menu open so several columns can be changed in one go.
      onSelect={(event) => event.preventDefault()}
      className="flex cursor-default items-center gap-2 rounded px-2 py-1.5 outline-none data-[highlighted]:bg-brand-50 data-[highlighted]:text-brand-900"
    >
      <span className="flex h-4 w-4 items-center justify-center rounded border border-slate-300 bg-white">
        <DropdownMenu.ItemIndicator>
          <svg
            aria-hidden="true"
            viewBox="0 0 20 20"
            fill="currentColor"
            className="h-3.5 w-3.5 text-brand-600"
          >
            <path
              fillRule="evenodd"
              d="M16.7 5.3a1 1 0 0 1 0 1.4l-7.5 7.5a1 1 0 0 1-1.4 0l-3.5-3.5a1 1 0 1 1 1.4-1.4l2.8 2.8 6.8-6.8a1 1 0 0 1 1.4 0Z"
              clipRule="evenodd"
            />
          </svg>
        </DropdownMenu.ItemIndicator>
      </span>
      {column.columnDef.meta?.label ?? column.id}
    </DropdownMenu.CheckboxItem>
  );
}

/** Show or hide columns; the choice is the table's column visibility state (remembered by its owner). */
export function DataTableColumnMenu<TData extends RowData>({ table }: DataTableColumnMenuProps<TData>) {
  const columns = table.getAllLeafColumns().filter((column) => column.getCanHide());
  const ungrouped: DataTableColumn<TData>[] = [];
  const groups = new Map<string, DataTableColumn<TData>[]>();
  for (const column of columns) {
    const group = column.columnDef.meta?.menuGroup;
    if (!group) ungrouped.push(column);
    else groups.set(group, [...(groups.get(group) ?? []), column]);
  }
  return (
    // Not modal: the table stays readable beside the menu, and nothing outside is hidden from assistive technology.
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger className={buttonStyles({ variant: "secondary", size: "sm" })}>
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4 text-slate-500">
          <path d="M3 4.75A.75.75 0 0 1 3.75 4h12.5a.75.75 0 0 1 0 1.5H3.75A.75.75 0 0 1 3 4.75Zm0 5.25a.75.75 0 0 1 .75-.75h12.5a.75.75 0 0 1 0 1.5H3.75A.75.75 0 0 1 3 10Zm.75 4.5a.75.75 0 0 0 0 1.5h12.5a.75.75 0 0 0 0-1.5H3.75Z" />
        </svg>
        Columns
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={4}
          // Many additional fields make a long menu: it scrolls within the room the window has, and can take
          // the focus so it can be scrolled from the keyboard too (its items are reached with the arrow keys).
          tabIndex={0}
          className="z-30 max-h-[var(--radix-dropdown-menu-content-available-height)] min-w-48 overflow-y-auto rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg"
        >
          <DropdownMenu.Label className={LABEL_CLASS}>Show columns</DropdownMenu.Label>
          {ungrouped.map((column) => (
            <ColumnCheckbox key={column.id} column={column} />
          ))}
          {[...groups].map(([group, grouped]) => (
            <DropdownMenu.Group key={group} aria-label={group}>
              <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
              <DropdownMenu.Label className={LABEL_CLASS}>{group}</DropdownMenu.Label>
              {grouped.map((column) => (
                <ColumnCheckbox key={column.id} column={column} />
              ))}
            </DropdownMenu.Group>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
