import type { DuplicatePolicy, ReviewCounts } from "@/lib/csv";
import { Select } from "@/components/ui/select";

export interface DuplicatePolicyFieldProps {
  counts: ReviewCounts;
  busy: boolean;
  onChange: (policy: DuplicatePolicy) => void;
}

/**
 * Which row is sent when a car is in the file more than once. Shown only when it is;
 * keeping the newest needs sale dates to compare.
 */
export function DuplicatePolicyField({ counts, busy, onChange }: DuplicatePolicyFieldProps) {
  if (counts.duplicatesNotSent === 0) return null;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="duplicate-policy" className="text-xs font-medium text-slate-500">
        Same car more than once
      </label>
      <Select
        id="duplicate-policy"
        value={counts.duplicatePolicy}
        disabled={busy}
        aria-describedby="duplicate-policy-hint"
        onChange={(event) => onChange(event.currentTarget.value as DuplicatePolicy)}
        className="w-72 max-sm:w-full"
      >
        <option value="keep-first">Keep the first row</option>
        <option value="keep-newest" disabled={!counts.hasSaleDates}>
          Keep the newest sale date
        </option>
      </Select>
      <p id="duplicate-policy-hint" className="max-w-xs text-xs text-slate-500">
        {counts.hasSaleDates
          ? "A car sold twice belongs to its latest buyer."
          : "Keeping the newest needs a sale date column."}
      </p>
    </div>
  );
}
