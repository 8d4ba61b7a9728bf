import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { LeadSelection } from "@/components/leads/use-lead-selection";
import { formatQuantity } from "@/lib/format";

export interface LeadSelectionBarProps {
  selection: LeadSelection;
  /** The actions on the selected leads (assign, set status): drawn between the count and Clear. */
  children?: ReactNode;
}

/** Stays at the bottom of the screen while leads are selected: how many, what to do with them, and Clear. */
export function LeadSelectionBar({ selection, children }: LeadSelectionBarProps) {
  if (selection.keys.length === 0) return null;
  return (
    <div
      role="region"
      aria-label="Selected leads"
      className="sticky bottom-0 z-20 -mx-4 flex flex-wrap items-center gap-3 border-t border-slate-200 bg-white/95 px-4 py-3 shadow-[0_-2px_6px_rgba(15,23,42,0.06)] backdrop-blur"
    >
      <p className="text-sm font-medium text-slate-900" aria-live="polite">
        {formatQuantity(selection.keys.length, "lead")} selected
      </p>
      <div className="flex flex-wrap items-center gap-2">{children}</div>
      <Button variant="secondary" size="sm" className="ml-auto" onClick={selection.clear}>
        Clear
      </Button>
    </div>
  );
}
