import { Select, type SelectProps } from "@/components/ui/select";
import {
  LEAD_STATUS_LABELS,
  LOST_REASON_LABELS,
  LOST_REASONS,
  type LeadStatus,
  type LostReason,
} from "@/lib/leads/lead-status";

/**
 * The choices of a status change, for one lead's form and the inbox's bulk form alike: a status
 * among those on offer, and why a lead was lost. Each starts on "Choose…" (""), so nothing is
 * changed by a choice nobody made. Labelling and errors are the form's (FormField's control props).
 */

type ChoiceProps<T extends string> = Omit<SelectProps, "value" | "onChange" | "children"> & {
  value: T | "";
  onChange: (value: T | "") => void;
};

export function LeadStatusSelect({
  statuses,
  value,
  onChange,
  ...control
}: ChoiceProps<LeadStatus> & { statuses: readonly LeadStatus[] }) {
  return (
    <Select {...control} value={value} onChange={(event) => onChange(event.target.value as LeadStatus | "")}>
      <option value="">Choose…</option>
      {statuses.map((option) => (
        <option key={option} value={option}>
          {LEAD_STATUS_LABELS[option]}
        </option>
      ))}
    </Select>
  );
}

export function LostReasonSelect({ value, onChange, ...control }: ChoiceProps<LostReason>) {
  return (
    <Select {...control} value={value} onChange={(event) => onChange(event.target.value as LostReason | "")}>
      <option value="">Choose…</option>
      {LOST_REASONS.map((option) => (
        <option key={option} value={option}>
          {LOST_REASON_LABELS[option]}
        </option>
      ))}
    </Select>
  );
}
