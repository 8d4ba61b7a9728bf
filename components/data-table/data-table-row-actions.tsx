import type { ReactNode } from "react";

export interface DataTableRowActionsProps {
  /** Names the group for screen readers, e.g. "Actions for sam@dealer.test". */
  label: string;
  children: ReactNode;
}

/** The buttons that act on one row, together at the row's end (the table's last column). */
export function DataTableRowActions({ label, children }: DataTableRowActionsProps) {
  return (
    <div role="group" aria-label={label} className="flex justify-end gap-2">
      {children}
    </div>
  );
}
