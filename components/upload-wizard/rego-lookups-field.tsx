"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { formatQuantity } from "@/lib/format";

export interface RegoLookupsFieldProps {
  checked: boolean;
  /** Customers sent with a rego (and state) but no VIN: one paid lookup each when switched on. */
  paidLookups: number;
  onChange: (checked: boolean) => void;
}

/** Rego lookups cost money per customer, so switching them on is confirmed with the count in front of the person. */
export function RegoLookupsField({ checked, paidLookups, onChange }: RegoLookupsFieldProps) {
  const [confirming, setConfirming] = useState(false);

  return (
    <div className="flex flex-col gap-2 rounded-md border border-slate-200 p-4">
      <div className="flex items-center gap-2">
        <input
          id="settings-rego-lookups"
          type="checkbox"
          checked={checked}
          onChange={(event) => (event.currentTarget.checked ? setConfirming(true) : onChange(false))}
          aria-describedby="settings-rego-lookups-notice"
          className="h-4 w-4 rounded border-slate-300 accent-brand-600"
        />
        <label htmlFor="settings-rego-lookups" className="text-sm font-medium text-slate-800">
          Look up VINs from regos (paid)
        </label>
      </div>
      <p
        id="settings-rego-lookups-notice"
        className={`rounded px-3 py-2 text-sm ${paidLookups > 0 ? "bg-amber-50 text-amber-900" : "bg-slate-50 text-slate-600"}`}
      >
        {paidLookups > 0 ? (
          <>
            <strong>{formatQuantity(paidLookups, "customer")}</strong> would trigger a paid lookup: they have
            a rego and state but no VIN. A VIN lets Recapture confirm that a listed car is the same car.
          </>
        ) : (
          "No customer in this upload would trigger a paid lookup: every one sent has a VIN or no state to look up."
        )}
      </p>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Switch on paid rego lookups?"
        description={
          paidLookups > 0
            ? `AutoGrab will look up the VIN of ${formatQuantity(paidLookups, "customer")} in this upload, charged to your account per lookup.`
            : "No customer in this upload needs a lookup now, but lookups are charged per customer if any do."
        }
        confirmLabel="Switch on lookups"
        onConfirm={() => {
          onChange(true);
          setConfirming(false);
        }}
      />
    </div>
  );
}
