import type { ReactNode } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { Customer } from "@/lib/recapture/schemas";

export interface CustomerVehicleFieldsProps {
  vehicle: Pick<Customer, "rego" | "state" | "vin">;
  /** What can be done instead: the Replace vehicle button. */
  children?: ReactNode;
}

// On a phone the rego and state share a row and the VIN, 17 characters, takes the next.
const FIELDS = [
  { name: "rego", label: "Rego", cell: "", input: "" },
  { name: "state", label: "State", cell: "", input: "" },
  { name: "vin", label: "VIN", cell: "col-span-2 sm:col-span-1", input: "font-mono" },
] as const;

const REASON_ID = "edit-vehicle-locked";

/**
 * The vehicle in the edit form, shown but read-only: the Recapture API can't
 * change a customer's rego, state or VIN. Each field is described by the
 * reason, so a screen reader says why it can't be typed in.
 */
export function CustomerVehicleFields({ vehicle, children }: CustomerVehicleFieldsProps) {
  return (
    <fieldset className="flex flex-col gap-3 rounded-md border border-slate-200 bg-slate-50 p-4">
      <legend className="px-1 text-sm font-semibold text-slate-900">Vehicle</legend>
      <div className="grid max-w-3xl grid-cols-2 gap-4 sm:grid-cols-3">
        {FIELDS.map(({ name, label, cell, input }) => (
          <div key={name} className={`flex flex-col gap-1.5 ${cell}`}>
            <Label htmlFor={`edit-${name}`}>{label}</Label>
            <Input
              id={`edit-${name}`}
              readOnly
              value={vehicle[name] ?? ""}
              placeholder="Not set"
              aria-describedby={REASON_ID}
              className={`read-only:bg-slate-100 read-only:text-slate-700 ${input}`}
            />
          </div>
        ))}
      </div>
      <p id={REASON_ID} className="text-sm text-slate-700">
        Rego, state and VIN can&apos;t be changed: the Recapture API doesn&apos;t allow it. To watch a
        different vehicle for this customer, replace the vehicle: a new record is made with it, and this one
        is deleted.
      </p>
      {children && <div>{children}</div>}
    </fieldset>
  );
}
