"use client";

import { Button } from "@/components/ui/button";

export interface CustomerDeletedToastProps {
  /** How people know the customer: its rego or VIN (customerLabel). */
  label: string;
  onUndo: () => void;
}

/**
 * The notice that holds a delete for its undo time. Its own markup rather than
 * sonner's, so the toaster's live region reads just "Customer deleted. ABC123.
 * Undo" and the Undo button is the only control (Tab reaches it at the end of
 * the page, Alt+T at once).
 */
export function CustomerDeletedToast({ label, onUndo }: CustomerDeletedToastProps) {
  return (
    <div className="flex w-full items-center gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-900 shadow-lg sm:w-[356px]">
      <p className="min-w-0 flex-1">
        <span className="font-semibold">Customer deleted.</span>{" "}
        <span className="break-words text-slate-600">{label}.</span>
      </p>
      <Button size="sm" variant="secondary" onClick={onUndo}>
        Undo
      </Button>
    </div>
  );
}
