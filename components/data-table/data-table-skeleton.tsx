import { Skeleton } from "@/components/ui/skeleton";

export interface DataTableSkeletonProps {
  /** Column headings, so the layout doesn't jump when the rows arrive. */
  headings: string[];
  rows?: number;
  /** Announced to screen readers in place of the grey blocks. */
  label: string;
}

export function DataTableSkeleton({ headings, rows = 10, label }: DataTableSkeletonProps) {
  return (
    <div role="status" className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <span className="sr-only">{label}</span>
      <table aria-hidden="true" className="w-full text-sm">
        <thead className="border-b border-slate-200 bg-slate-50">
          <tr>
            {headings.map((heading, index) => (
              <th key={index} className="px-3 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {Array.from({ length: rows }, (_, row) => (
            <tr key={row}>
              {headings.map((_, column) => (
                <td key={column} className="px-3 py-3">
                  <Skeleton className="h-4 w-full max-w-32" />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
