import { useId, type ReactNode } from "react";

export interface FigureCardProps {
  title: string;
  /** The figure itself, large. */
  figure: ReactNode;
  /** What the figure counts or how it compares, in a sentence or two. */
  children: ReactNode;
}

/** One of the overview's figures: its title is a heading, so screen reader users can move from figure to figure. */
export function FigureCard({ title, figure, children }: FigureCardProps) {
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className="flex flex-col rounded-lg border border-slate-200 bg-white px-4 py-4 shadow-sm"
    >
      <h2 id={headingId} className="text-sm font-medium text-slate-600">
        {title}
      </h2>
      <p className="mt-1 text-3xl font-semibold tabular-nums text-slate-900">{figure}</p>
      <div className="mt-2 space-y-1 text-sm text-slate-600">{children}</div>
    </section>
  );
}
