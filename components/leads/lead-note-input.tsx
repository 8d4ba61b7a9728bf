import { FormField } from "@/components/ui/form-field";
import { NOTE_MAX_LENGTH } from "@/lib/leads/lead-work";

export interface LeadNoteInputProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

/** A note's text box, with what is left of its 2,000 characters. */
export function LeadNoteInput({ id, label, value, onChange, error }: LeadNoteInputProps) {
  return (
    <FormField
      id={id}
      label={label}
      error={error}
      hint={`${(NOTE_MAX_LENGTH - value.length).toLocaleString("en-AU")} characters left`}
    >
      {(control) => (
        <textarea
          {...control}
          rows={3}
          maxLength={NOTE_MAX_LENGTH}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm aria-[invalid=true]:border-red-500"
        />
      )}
    </FormField>
  );
}
