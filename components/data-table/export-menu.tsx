"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { buttonStyles } from "@/components/ui/button-styles";

export type ExportFileFormat = "csv" | "xlsx";

export interface ExportMenuProps {
  /** What the export holds, or why there is none: the menu's first line. */
  note: string;
  /** The download's address in a format; absent while there is nothing to export. */
  exportHref?: (format: ExportFileFormat) => string;
  /** The list's own reason to offer no export yet (still loading, say). */
  disabled?: boolean;
}

const FORMATS = [
  { format: "csv", label: "CSV (.csv)" },
  { format: "xlsx", label: "Excel (.xlsx)" },
] as const;

/** An Export button beside a list's filters: its rows as CSV or Excel, downloaded as the server writes them. */
export function ExportMenu({ note, exportHref, disabled = false }: ExportMenuProps) {
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
          <DropdownMenu.Label className="px-2 py-1.5 text-xs text-slate-600">{note}</DropdownMenu.Label>
          {FORMATS.map(({ format, label }) => (
            <DropdownMenu.Item
              key={format}
              asChild
              disabled={!exportHref}
              className="flex cursor-default items-center rounded px-2 py-1.5 text-slate-800 outline-none data-[disabled]:pointer-events-none data-[disabled]:text-slate-400 data-[highlighted]:bg-brand-50 data-[highlighted]:text-brand-900"
            >
              {/* A plain download: the browser saves the file as the server writes it, whatever its size. */}
              <a href={exportHref?.(format)} download>
                {label}
              </a>
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
