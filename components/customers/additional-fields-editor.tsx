"use client";

import { useFieldArray, useFormContext } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import type { AdditionalFieldRow } from "@/components/customers/customer-form-values";

type FormWithAdditionalFields = { additional_fields: AdditionalFieldRow[] };

/** Name and value rows for a customer's additional fields, inside a form that has `additional_fields`. */
export function AdditionalFieldsEditor() {
  const {
    control,
    register,
    formState: { errors },
  } = useFormContext<FormWithAdditionalFields>();
  const { fields, append, remove } = useFieldArray({ control, name: "additional_fields" });
  const listError = errors.additional_fields?.message ?? errors.additional_fields?.root?.message;

  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="text-sm font-medium text-slate-800">Additional fields</legend>
      <p className="mt-1 text-xs text-slate-500">
        Anything else to keep with the customer, such as the source or a salesperson.
      </p>
      {fields.length > 0 && (
        <ul className="flex flex-col gap-2">
          {fields.map((field, index) => {
            const keyError = errors.additional_fields?.[index]?.key?.message;
            const valueError = errors.additional_fields?.[index]?.value?.message;
            const keyId = `additional-field-${index}-key`;
            const valueId = `additional-field-${index}-value`;
            return (
              <li key={field.id} className="flex flex-col gap-1">
                <div className="flex items-start gap-2">
                  <label htmlFor={keyId} className="sr-only">
                    Name of additional field {index + 1}
                  </label>
                  <Input
                    id={keyId}
                    placeholder="Name"
                    autoComplete="off"
                    aria-invalid={Boolean(keyError)}
                    aria-describedby={keyError ? `${keyId}-error` : undefined}
                    className="max-w-56"
                    {...register(`additional_fields.${index}.key`)}
                  />
                  <label htmlFor={valueId} className="sr-only">
                    Value of additional field {index + 1}
                  </label>
                  <Input
                    id={valueId}
                    placeholder="Value"
                    autoComplete="off"
                    aria-invalid={Boolean(valueError)}
                    aria-describedby={valueError ? `${valueId}-error` : undefined}
                    {...register(`additional_fields.${index}.value`)}
                  />
                  <Button
                    variant="ghost"
                    size="sm"
                    onClick={() => remove(index)}
                    aria-label={`Remove additional field ${index + 1}`}
                  >
                    Remove
                  </Button>
                </div>
                <FieldError id={`${keyId}-error`} message={keyError} />
                <FieldError id={`${valueId}-error`} message={valueError} />
              </li>
            );
          })}
        </ul>
      )}
      <FieldError id="additional-fields-error" message={listError} />
      <div>
        <Button variant="secondary" size="sm" onClick={() => append({ key: "", value: "" })}>
          Add field
        </Button>
      </div>
    </fieldset>
  );
}
