"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Controller, useForm } from "react-hook-form";
import type { ReviewCounts } from "@/lib/csv";
import { Button } from "@/components/ui/button";
import { DateInput } from "@/components/ui/date-input";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { RegoLookupsField } from "@/components/upload-wizard/rego-lookups-field";
import { settingsFormSchema, type SettingsValues } from "@/components/upload-wizard/settings-form";
import { StepActions } from "@/components/upload-wizard/step-actions";

export interface SettingsStepProps {
  initialValues: SettingsValues;
  counts: ReviewCounts;
  onBack: (values: SettingsValues) => void;
  onContinue: (values: SettingsValues) => void;
}

export function SettingsStep({ initialValues, counts, onBack, onContinue }: SettingsStepProps) {
  const form = useForm<SettingsValues>({
    resolver: zodResolver(settingsFormSchema),
    defaultValues: initialValues,
  });
  const { errors } = form.formState;

  return (
    <form
      onSubmit={form.handleSubmit(onContinue)}
      noValidate
      aria-label="Upload settings"
      className="flex flex-col gap-6"
    >
      <FormField
        id="settings-name"
        label="Upload name"
        hint="Shown in the uploads list. Parts of a large file get “(part 2 of 3)” added."
        error={errors.name?.message}
        className="max-w-lg"
      >
        {(control) => <Input {...control} autoComplete="off" {...form.register("name")} />}
      </FormField>
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium text-slate-800">Monitoring window</legend>
        <p className="text-xs text-slate-500">
          For customers whose row has no monitor dates of its own. Leave empty to start now and keep watching.
        </p>
        <div className="mt-1 flex flex-wrap gap-5">
          <FormField id="settings-monitor-start" label="Monitor from" error={errors.monitorStart?.message}>
            {(control) => <DateInput {...control} {...form.register("monitorStart")} />}
          </FormField>
          <FormField id="settings-monitor-end" label="Monitor until" error={errors.monitorEnd?.message}>
            {(control) => <DateInput {...control} {...form.register("monitorEnd")} />}
          </FormField>
        </div>
      </fieldset>
      <Controller
        control={form.control}
        name="enableRegoLookups"
        render={({ field }) => (
          <RegoLookupsField
            checked={field.value}
            onChange={field.onChange}
            paidLookups={counts.paidLookups}
          />
        )}
      />
      <StepActions
        back={
          <Button variant="secondary" onClick={() => onBack(form.getValues())}>
            Back
          </Button>
        }
      >
        <Button type="submit">Review the rows</Button>
      </StepActions>
    </form>
  );
}
