import { Input, type InputProps } from "@/components/ui/input";

export type DateInputProps = Omit<InputProps, "type">;

/**
 * A date typed the Australian way, dd/mm/yyyy. A text box rather than
 * `type="date"`, whose format follows the browser's locale, not the dealership's.
 */
export function DateInput({ className = "", ...props }: DateInputProps) {
  return (
    <Input
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder="dd/mm/yyyy"
      maxLength={10}
      className={`w-36 tabular-nums ${className}`}
      {...props}
    />
  );
}
