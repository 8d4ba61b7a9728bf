import type { ReactNode } from "react";

export interface CardProps {
  title: ReactNode;
  /** Beside the title, e.g. a status or a count. */
  aside?: ReactNode;
  children: ReactNode;
  className?: string;
}

/** A titled white panel; its title is a heading, so screen reader users can jump between panels. */
export function Card({ title, aside, children, className = "" }: CardProps) {
  return (
    <section className={`rounded-lg border border-slate-200 bg-white shadow-sm ${className}`}>
      <div className="flex items-center justify-between gap-3 border-b border-slate-100 px-5 py-3">
        <h2 className="text-base font-semibold text-slate-900">{title}</h2>
        {aside}
      </div>
      <div className="px-5 py-4">{children}</div>
    </section>
  );
}
