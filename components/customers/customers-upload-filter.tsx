"use client";

import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { uploadIdSchema } from "@/lib/recapture/schemas";

export interface CustomersUploadFilterProps {
  uploadId?: string;
  onChange: (uploadId: string | undefined) => void;
}

/** Narrows the table to the customers of one upload, by its id (the uploads pages link here with it filled in). */
export function CustomersUploadFilter({ uploadId, onChange }: CustomersUploadFilterProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const [value, setValue] = useState(uploadId ?? "");
  const [error, setError] = useState<string>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = value.trim();
    if (text === "") {
      onChange(undefined);
      return;
    }
    const parsed = uploadIdSchema.safeParse(text.toLowerCase());
    if (!parsed.success) {
      setError("Enter an upload ID like 99aa2d8e-348b-4321-beeb-f2fa67bab3eb");
      return;
    }
    setError(undefined);
    onChange(parsed.data);
  }

  return (
    <form
      onSubmit={submit}
      role="search"
      aria-label="Filter customers by upload"
      className="flex min-w-0 flex-1 flex-col gap-1"
    >
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          Upload ID
        </label>
        <Input
          id={id}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          placeholder="All uploads"
          spellCheck={false}
          autoComplete="off"
          aria-invalid={Boolean(error)}
          aria-describedby={error ? errorId : undefined}
          className="w-[26rem] max-w-full font-mono text-xs"
        />
        <Button type="submit" variant="secondary" size="sm">
          Filter
        </Button>
        {uploadId && (
          <Button variant="ghost" size="sm" onClick={() => onChange(undefined)}>
            Clear filter
          </Button>
        )}
      </div>
      <FieldError id={errorId} message={error} />
    </form>
  );
}
