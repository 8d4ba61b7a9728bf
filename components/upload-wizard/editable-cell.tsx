"use client";

import { useEffect, useRef, useState } from "react";
import type { CellTone } from "@/components/upload-wizard/review-display";

export interface EditableCellProps {
  value: string;
  /** Names the cell for screen readers, e.g. `Date Sold on row 6`. */
  label: string;
  tone: CellTone;
  onCommit: (value: string) => void;
}

const TONES: Record<NonNullable<CellTone>, string> = {
  error: "bg-red-50 text-red-900 ring-1 ring-inset ring-red-200",
  warning: "bg-amber-50 text-amber-900 ring-1 ring-inset ring-amber-200",
};

/**
 * A cell that is a button until chosen (click, Enter or Space), then a text box:
 * Enter or leaving it saves, Escape cancels, and focus comes back to the cell.
 */
export function EditableCell({ value, label, tone, onCommit }: EditableCellProps) {
  const [editing, setEditing] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  const finished = useRef(false);

  useEffect(() => {
    if (editing || !refocus.current) return;
    refocus.current = false;
    button.current?.focus();
  }, [editing]);

  function finish(next: string | undefined, returnFocus: boolean) {
    if (finished.current) return;
    finished.current = true;
    refocus.current = returnFocus;
    setEditing(false);
    if (next !== undefined && next !== value) onCommit(next);
  }

  if (editing) {
    return (
      <input
        autoFocus
        defaultValue={value}
        aria-label={label}
        spellCheck={false}
        className="h-8 w-full min-w-32 rounded border border-brand-500 bg-white px-2 text-sm shadow-sm outline-none ring-2 ring-brand-100"
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            finish(event.currentTarget.value, true);
          } else if (event.key === "Escape") {
            event.preventDefault();
            finish(undefined, true);
          }
        }}
        onBlur={(event) => finish(event.currentTarget.value, false)}
      />
    );
  }
  return (
    <button
      ref={button}
      type="button"
      onClick={() => {
        finished.current = false;
        setEditing(true);
      }}
      aria-label={`Edit ${label}: ${value || "empty"}${tone ? ` (${tone})` : ""}`}
      className={`block h-8 w-full truncate rounded px-2 text-left hover:bg-slate-100 hover:ring-1 hover:ring-slate-300 ${tone ? TONES[tone] : ""}`}
      title={value}
    >
      {value || <span className="text-slate-300">—</span>}
    </button>
  );
}
