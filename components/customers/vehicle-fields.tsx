"use client";

import { useFormContext } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { VehicleValues } from "@/components/customers/customer-form-values";
import { AU_STATE_NAMES, AU_STATES, type AuState } from "@/lib/au-states";

export interface VehicleFieldsProps {
  /** Starts each input's id, so two forms on one page don't share one. */
  idPrefix: string;
  /** The state the record has now: offered too when it isn't one of Australia's (a record from another region). */
  currentState?: string | null;
  /** Rego, state and VIN side by side from small screens up; otherwise the VIN takes a row of its own. */
  wide?: boolean;
}

function stateLabel(state: string): string {
  return state in AU_STATE_NAMES ? `${state} (${AU_STATE_NAMES[state as AuState]})` : state;
}

/**
 * The vehicle a customer record watches, typed in: rego, state, VIN and
 * whether Recapture should look the VIN up from the rego. Used inside a
 * react-hook-form FormProvider whose values include VehicleValues, by the new
 * customer form and by Replace vehicle.
 */
export function VehicleFields({ idPrefix, currentState, wide = false }: VehicleFieldsProps) {
  const {
    register,
    formState: { errors },
  } = useFormContext<VehicleValues>();
  const states: readonly string[] =
    currentState && !(AU_STATES as readonly string[]).includes(currentState)
      ? [...AU_STATES, currentState]
      : AU_STATES;
  const costId = `${idPrefix}-rego-lookups-cost`;
  return (
    <div className="flex flex-col gap-4">
      <div className={`grid grid-cols-2 gap-4 ${wide ? "sm:grid-cols-3" : ""}`}>
        <FormField
          id={`${idPrefix}-rego`}
          label="Rego"
          hint="A rego or a VIN is needed."
          error={errors.rego?.message}
        >
          {(control) => <Input {...control} autoComplete="off" className="uppercase" {...register("rego")} />}
        </FormField>
        <FormField id={`${idPrefix}-state`} label="State" error={errors.state?.message}>
          {(control) => (
            <Select {...control} {...register("state")}>
              <option value="">Choose a state</option>
              {states.map((state) => (
                <option key={state} value={state}>
                  {stateLabel(state)}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField
          id={`${idPrefix}-vin`}
          label="VIN"
          error={errors.vin?.message}
          className={wide ? "col-span-2 sm:col-span-1" : "col-span-2"}
        >
          {(control) => (
            <Input
              {...control}
              autoComplete="off"
              spellCheck={false}
              className="font-mono uppercase"
              {...register("vin")}
            />
          )}
        </FormField>
      </div>
      <div className="flex flex-col gap-2">
        <div className="flex items-center gap-2">
          <input
            id={`${idPrefix}-rego-lookups`}
            type="checkbox"
            aria-describedby={costId}
            className="h-4 w-4 rounded border-slate-300 accent-brand-600"
            {...register("enable_rego_lookups")}
          />
          <label htmlFor={`${idPrefix}-rego-lookups`} className="text-sm font-medium text-slate-800">
            Look up the VIN from the rego
          </label>
        </div>
        <Alert tone="warning" className="max-w-2xl">
          <span id={costId}>
            Costs extra: when a rego and state are given without a VIN, Recapture looks the VIN up and charges
            your account for each lookup. A VIN lets Recapture confirm a listing is really this car.
          </span>
        </Alert>
      </div>
    </div>
  );
}
