import type { ReactNode } from "react";

export interface StepActionsProps {
  back?: ReactNode;
  children: ReactNode;
}

/** The row under a step: Back on the left, the way forward on the right. */
export function StepActions({ back, children }: StepActionsProps) {
  return (
    <div className="mt-8 flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 pt-5">
      <div>{back}</div>
      <div className="flex flex-wrap items-center gap-2">{children}</div>
    </div>
  );
}
