import type { LeadSort } from "@/lib/leads/lead-list";
import type { LeadListSearch } from "@/lib/leads/lead-list-params";

export interface LeadSortButtonProps {
  sort: LeadSort;
  label: string;
  search: Pick<LeadListSearch, "sort" | "direction">;
  onSort: (sort: LeadSort) => void;
}

/** How a column header tells screen readers the list's order (on the header cell itself). */
export function ariaSortOf(sort: LeadSort, search: Pick<LeadListSearch, "sort" | "direction">) {
  if (search.sort !== sort) return "none" as const;
  return search.direction === "asc" ? ("ascending" as const) : ("descending" as const);
}

/** A column header that sorts the list by its column, and the other way round when clicked again. */
export function LeadSortButton({ sort, label, search, onSort }: LeadSortButtonProps) {
  const active = search.sort === sort;
  return (
    <button
      type="button"
      onClick={() => onSort(sort)}
      className="inline-flex items-center gap-1 rounded uppercase tracking-wide hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      {label}
      <span aria-hidden="true" className={active ? "text-slate-900" : "text-slate-400"}>
        {active ? (search.direction === "asc" ? "↑" : "↓") : "↕"}
      </span>
    </button>
  );
}
