"use client";

import { useEffect, useRef } from "react";
import { WIZARD_STEPS, stepNumber, type WizardStepId } from "@/components/upload-wizard/wizard-steps";

export interface StepHeadingProps {
  step: WizardStepId;
  /** Moves focus here, so keyboard and screen reader users start each step at its top; not on first load. */
  takeFocus: boolean;
  description: string;
}

export function StepHeading({ step, takeFocus, description }: StepHeadingProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takeFocus) heading.current?.focus();
  }, [takeFocus]);

  return (
    <div className="mb-5">
      <p className="text-xs font-semibold uppercase tracking-wide text-brand-600">
        Step {stepNumber(step)} of {WIZARD_STEPS.length}
      </p>
      <h2 ref={heading} tabIndex={-1} className="mt-1 text-xl font-semibold text-slate-900 outline-none">
        {WIZARD_STEPS.find(({ id }) => id === step)?.heading}
      </h2>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">{description}</p>
    </div>
  );
}
