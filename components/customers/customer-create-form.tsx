"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { buttonStyles } from "@/components/ui/button-styles";
import { DateInput } from "@/components/ui/date-input";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { AdditionalFieldsEditor } from "@/components/customers/additional-fields-editor";
import { VehicleFields } from "@/components/customers/vehicle-fields";
import { customerLabel } from "@/components/customers/customer-display";
import { customerCreateFormSchema } from "@/components/customers/customer-form-schemas";
import {
  createCustomerRequest,
  EMPTY_CREATE_VALUES,
  serverFieldErrors,
  type CustomerCreateValues,
} from "@/components/customers/customer-form-values";
import { ApiError } from "@/lib/queries/api";
import { useCreateCustomer } from "@/lib/queries/customers";

const FIELD_NAMES = Object.keys(EMPTY_CREATE_VALUES) as (keyof CustomerCreateValues)[];

const DATE_FIELDS = [
  { name: "sale_date", label: "Sale date", hint: "When the car was sold to the customer." },
  { name: "monitor_start_date", label: "Monitor from", hint: "Leave empty to start now." },
  { name: "monitor_end_date", label: "Monitor until", hint: "Leave empty to keep watching." },
] as const;

export function CustomerCreateForm() {
  const router = useRouter();
  const creation = useCreateCustomer();
  const [failure, setFailure] = useState<string>();
  const form = useForm<CustomerCreateValues>({
    resolver: zodResolver(customerCreateFormSchema),
    defaultValues: EMPTY_CREATE_VALUES,
  });
  const { errors } = form.formState;

  function submit(values: CustomerCreateValues) {
    setFailure(undefined);
    creation.mutate(createCustomerRequest(values), {
      onSuccess: ({ customer }) => {
        toast.success(`Added ${customerLabel(customer)}`);
        router.push(`/customers/${customer.id}`);
      },
      onError: (error) => {
        const { fields, other } = serverFieldErrors(
          error instanceof ApiError ? error.fields : {},
          FIELD_NAMES,
          "customer.",
        );
        const entries = Object.entries(fields) as [keyof CustomerCreateValues, string][];
        for (const [name, message] of entries)
          form.setError(name, { type: "server", message }, { shouldFocus: true });
        if (entries.length === 0 || other.length > 0) setFailure([error.message, ...other].join(" "));
        toast.error("The customer wasn't added", { description: error.message });
      },
    });
  }

  return (
    <FormProvider {...form}>
      <form
        onSubmit={form.handleSubmit(submit)}
        noValidate
        aria-label="New customer"
        className="flex flex-col gap-6"
      >
        {failure && (
          <Alert tone="danger" title="The customer wasn't added">
            {failure}
          </Alert>
        )}
        <VehicleFields idPrefix="new" wide />
        <FormField
          id="new-external-id"
          label="External ID"
          hint="Your own system's reference for this customer."
          error={errors.external_id?.message}
          className="max-w-sm"
        >
          {(control) => <Input {...control} autoComplete="off" {...form.register("external_id")} />}
        </FormField>
        <div className="flex flex-wrap gap-5">
          {DATE_FIELDS.map(({ name, label, hint }) => (
            <FormField
              key={name}
              id={`new-${name}`}
              label={label}
              hint={hint}
              error={errors[name]?.message}
              className="w-48"
            >
              {(control) => <DateInput {...control} {...form.register(name)} />}
            </FormField>
          ))}
        </div>
        <AdditionalFieldsEditor />
        <div className="flex gap-2 border-t border-slate-200 pt-4">
          <Button type="submit" disabled={creation.isPending}>
            {creation.isPending ? "Adding…" : "Add customer"}
          </Button>
          <Link href="/customers" className={buttonStyles({ variant: "secondary" })}>
            Cancel
          </Link>
        </div>
      </form>
    </FormProvider>
  );
}
