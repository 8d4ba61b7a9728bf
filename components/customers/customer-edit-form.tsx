"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, type ReactNode } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DateInput } from "@/components/ui/date-input";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { AdditionalFieldsEditor } from "@/components/customers/additional-fields-editor";
import { customerEditFormSchema } from "@/components/customers/customer-form-schemas";
import type { CustomerEditValues } from "@/components/customers/customer-form-values";
import { CustomerVehicleFields } from "@/components/customers/customer-vehicle-fields";
import type { Customer } from "@/lib/recapture/schemas";

/** What the server said about the last attempt, to show on the reopened form. */
export interface CustomerEditFailure {
  fields: Partial<Record<keyof CustomerEditValues, string>>;
  message?: string;
}

export interface CustomerEditFormProps {
  /** Shown read-only: the API can't change it. */
  vehicle: Pick<Customer, "rego" | "state" | "vin">;
  /** What to offer instead of editing the vehicle: the Replace vehicle button. */
  replaceVehicle?: ReactNode;
  defaultValues: CustomerEditValues;
  failure?: CustomerEditFailure;
  onSubmit: (values: CustomerEditValues) => void;
  onCancel: () => void;
}

const DATE_FIELDS = [
  { name: "sale_date", label: "Sale date" },
  { name: "monitor_start_date", label: "Monitor from" },
  { name: "monitor_end_date", label: "Monitor until" },
] as const;

export function CustomerEditForm({
  vehicle,
  replaceVehicle,
  defaultValues,
  failure,
  onSubmit,
  onCancel,
}: CustomerEditFormProps) {
  const form = useForm<CustomerEditValues>({ resolver: zodResolver(customerEditFormSchema), defaultValues });
  const { errors } = form.formState;

  // A refused save reopens the form: its messages go on their fields and the first one gets the focus.
  useEffect(() => {
    if (!failure) return;
    const entries = Object.entries(failure.fields) as [keyof CustomerEditValues, string][];
    for (const [name, message] of entries) form.setError(name, { type: "server", message });
    const first = entries[0]?.[0];
    if (first && first !== "additional_fields") form.setFocus(first);
  }, [failure, form]);

  return (
    <FormProvider {...form}>
      <form
        onSubmit={form.handleSubmit(onSubmit)}
        noValidate
        aria-label="Edit customer"
        className="flex flex-col gap-5"
      >
        {failure?.message && (
          <Alert tone="danger" title="The changes weren't saved">
            {failure.message}
          </Alert>
        )}
        <CustomerVehicleFields vehicle={vehicle}>{replaceVehicle}</CustomerVehicleFields>
        <FormField
          id="edit-external-id"
          label="External ID"
          hint="Your own system's reference. Leave empty to clear it."
          error={errors.external_id?.message}
          className="max-w-sm"
        >
          {(control) => <Input {...control} autoComplete="off" {...form.register("external_id")} />}
        </FormField>
        <div className="flex flex-wrap gap-5">
          {DATE_FIELDS.map(({ name, label }) => (
            <FormField key={name} id={`edit-${name}`} label={label} error={errors[name]?.message}>
              {(control) => <DateInput {...control} {...form.register(name)} />}
            </FormField>
          ))}
        </div>
        <AdditionalFieldsEditor />
        <div className="flex gap-2 border-t border-slate-200 pt-4">
          <Button type="submit">Save changes</Button>
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
