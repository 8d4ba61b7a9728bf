import type { ComponentProps } from "react";

export type InputProps = ComponentProps<"input">;

/** Full width unless the caller gives a width (`w-…`): two width classes can't be ordered from here. */
function widthClass(className: string): string {
  return /(^|\s)w-/.test(className) ? "" : "w-full";
}

export function Input({ className = "", ...props }: InputProps) {
  return (
    <input
      className={`h-9 rounded-md border border-slate-300 bg-white px-3 text-sm shadow-sm placeholder:text-slate-400 disabled:bg-slate-100 aria-[invalid=true]:border-red-500 ${widthClass(className)} ${className}`}
      {...props}
    />
  );
}
