import Link from "next/link";
import type { ReviewedRow } from "@/lib/csv";
import { Badge } from "@/components/ui/badge";
import { EditableCell } from "@/components/upload-wizard/editable-cell";
import {
  cellTone,
  monitoredProblemOf,
  problemText,
  rowStatusLabel,
} from "@/components/upload-wizard/review-display";

export interface ReviewTableRowProps {
  row: ReviewedRow;
  headers: readonly string[];
  /** aria-rowindex: the header row is 1. */
  rowIndex: number;
  height: number;
  onEdit: (row: ReviewedRow, columnIndex: number, value: string) => void;
}

export function ReviewTableRow({ row, headers, rowIndex, height, onEdit }: ReviewTableRowProps) {
  const monitored = monitoredProblemOf(row);
  const problems = row.problems
    .filter((problem) => problem !== monitored)
    .map(problemText)
    .join("; ");
  const status = rowStatusLabel(row);
  return (
    <tr aria-rowindex={rowIndex} style={{ height }} className={row.sent ? "" : "bg-red-50/40"}>
      {/* Opaque, in the row's tint, so the cells scrolling under it don't show through. */}
      <td
        className={`sticky-edge sticky left-0 whitespace-nowrap border-b border-slate-100 bg-white px-3 text-right tabular-nums text-slate-500 ${row.sent ? "" : "bg-linear-to-r from-red-50/40 to-red-50/40"}`}
      >
        {row.rowNumber}
      </td>
      <td className="whitespace-nowrap border-b border-slate-100 px-3">
        <Badge
          tone={
            status === "Already monitored"
              ? "brand"
              : !row.sent
                ? "danger"
                : row.status === "warning"
                  ? "warning"
                  : "success"
          }
        >
          {status}
        </Badge>
      </td>
      <td
        className="min-w-64 max-w-sm truncate border-b border-slate-100 px-3 text-xs text-slate-600"
        title={problems}
      >
        {monitored && row.monitoredBy && (
          <>
            <Link
              href={`/customers/${row.monitoredBy.id}`}
              target="_blank"
              rel="noopener"
              className="font-medium text-brand-700 underline underline-offset-2 hover:no-underline"
            >
              {problemText(monitored)}
              <span className="font-normal text-slate-500"> (new tab)</span>
            </Link>
            {problems && "; "}
          </>
        )}
        {problems}
      </td>
      {headers.map((header, column) => (
        <td key={column} className="max-w-52 border-b border-slate-100 px-1">
          <EditableCell
            value={row.cells[column] ?? ""}
            label={`${header.trim() || `column ${column + 1}`} on row ${row.rowNumber}`}
            tone={cellTone(row, column)}
            onCommit={(value) => onEdit(row, column, value)}
          />
        </td>
      ))}
    </tr>
  );
}
