import type { IndexSort } from "@/lib/customer-index/query";

export interface CustomersSortHeaderProps {
  label: string;
  sort: IndexSort;
  /** Set when the table is sorted by this column. */
  direction: "asc" | "desc" | undefined;
  onSort: (sort: IndexSort) => void;
}

/**
 * A column header that sorts the table: a button, so it works by keyboard; the
 * header cell says how it is sorted (`aria-sort`), so the arrow is only for the eye.
 */
export function CustomersSortHeader({ label, sort, direction, onSort }: CustomersSortHeaderProps) {
  return (
    <button
      type="button"
      onClick={() => onSort(sort)}
      className={`-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 text-xs font-semibold tracking-wide uppercase hover:bg-slate-200/70 hover:text-slate-900 ${direction ? "text-slate-900" : ""}`}
    >
      {label}
      <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="h-3.5 w-3.5 shrink-0">
        {direction === "asc" ? (
          <path d="M10 5.5 14.5 11h-9L10 5.5Z" />
        ) : direction === "desc" ? (
          <path d="M10 14.5 5.5 9h9L10 14.5Z" />
        ) : (
          <path className="opacity-50" d="M10 3.5 13.5 8h-7L10 3.5Zm0 13L6.5 12h7L10 16.5Z" />
        )}
      </svg>
    </button>
  );
}
