"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import { BY_ID, pickerValue, uploadFilterOptions } from "@/components/customers/upload-filter-options";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { uploadQueries } from "@/lib/queries/uploads";
import { uploadIdSchema } from "@/lib/recapture/schemas";

export interface CustomersUploadFilterProps {
  uploadId?: string;
  timeZone: string;
  onChange: (uploadId: string | undefined) => void;
}

// The register's newest uploads; an older one (or one sent outside the dashboard) is
// still reachable by its id.
const PICKER_UPLOADS = 100;

/**
 * Narrows the table to the customers of one upload: picked by name from the register,
 * or by id for any other (the uploads pages link here with the id filled in).
 */
export function CustomersUploadFilter({ uploadId, timeZone, onChange }: CustomersUploadFilterProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const idInput = useRef<HTMLInputElement>(null);
  const register = useQuery(uploadQueries.registerPage({ page: 1, pageSize: PICKER_UPLOADS }));
  const options = uploadFilterOptions(register.data?.uploads ?? [], timeZone);
  const [byId, setById] = useState(false);
  const [value, setValue] = useState(uploadId ?? "");
  const [error, setError] = useState<string>();
  // A new filter (picked here, or from the URL) starts the id field afresh. Reset while
  // rendering rather than by remounting, so the picker keeps the keyboard focus.
  const [shownFor, setShownFor] = useState(uploadId);
  if (uploadId !== shownFor) {
    setShownFor(uploadId);
    setById(false);
    setValue(uploadId ?? "");
    setError(undefined);
  }
  const picked = byId ? BY_ID : pickerValue(uploadId, options, register.isPending);
  // The filtered upload while the register loads, so the picker doesn't jump to "by ID" and back.
  const loadingUpload = picked === uploadId && !options.some((option) => option.value === uploadId);

  function pick(next: string) {
    if (next === BY_ID) {
      setById(true);
      // The input appears on this render; focus it once it is there.
      requestAnimationFrame(() => idInput.current?.focus());
      return;
    }
    setById(false);
    setError(undefined);
    onChange(next === "" ? undefined : next);
  }

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
        <label htmlFor={`${id}-upload`} className="text-sm font-medium text-slate-800">
          Upload
        </label>
        <Select
          id={`${id}-upload`}
          value={picked}
          onChange={(event) => pick(event.target.value)}
          aria-describedby={register.isError ? `${id}-register` : undefined}
          className="max-w-full sm:w-[30rem]"
        >
          <option value="">All uploads</option>
          {loadingUpload && <option value={uploadId}>Upload {uploadId.slice(0, 8)}…</option>}
          {options.length > 0 && (
            <optgroup label="Recent uploads">
              {options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </optgroup>
          )}
          {register.isPending && <option disabled>Loading uploads…</option>}
          <option value={BY_ID}>Another upload, by ID…</option>
        </Select>
        {picked === BY_ID && (
          <>
            <label htmlFor={id} className="sr-only">
              Upload ID
            </label>
            <Input
              ref={idInput}
              id={id}
              value={value}
              onChange={(event) => setValue(event.target.value)}
              placeholder="99aa2d8e-348b-4321-beeb-f2fa67bab3eb"
              spellCheck={false}
              autoComplete="off"
              aria-invalid={Boolean(error)}
              aria-describedby={error ? errorId : undefined}
              className="w-[22rem] max-w-full font-mono text-xs"
            />
            <Button type="submit" variant="secondary" size="sm">
              Filter
            </Button>
          </>
        )}
        {uploadId && (
          <Button variant="ghost" size="sm" onClick={() => onChange(undefined)}>
            Clear filter
          </Button>
        )}
      </div>
      <FieldError id={errorId} message={error} />
      {register.isError && (
        <p id={`${id}-register`} className="text-xs text-slate-600">
          The list of uploads couldn&apos;t be loaded; an upload can still be chosen by its ID.
        </p>
      )}
    </form>
  );
}
