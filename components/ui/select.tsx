import type { SelectHTMLAttributes } from "react";

export type SelectProps = SelectHTMLAttributes<HTMLSelectElement>;

/** A native select: keyboard, screen reader and mobile behaviour for free. */
export function Select({ className = "", ...props }: SelectProps) {
  return (
    <select
      className={`h-9 rounded-md border border-slate-300 bg-white px-2 text-sm shadow-sm aria-[invalid=true]:border-red-500 ${className}`}
      {...props}
    />
  );
}
