import { WIZARD_STEPS, stepNumber, type WizardStepId } from "@/components/upload-wizard/wizard-steps";

export interface WizardStepperProps {
  current: WizardStepId;
  /** Going back to a finished step; undefined while nothing may change (sending). */
  onBack?: (step: WizardStepId) => void;
}

export function WizardStepper({ current, onBack }: WizardStepperProps) {
  const currentNumber = stepNumber(current);
  return (
    <nav aria-label="Upload steps" className="border-b border-slate-200 px-5 py-4">
      <ol className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm sm:gap-x-2">
        {WIZARD_STEPS.map(({ id, label }, index) => {
          const number = index + 1;
          const done = number < currentNumber;
          const isCurrent = number === currentNumber;
          const marker = (
            <span
              aria-hidden="true"
              className={`flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${
                isCurrent
                  ? "bg-brand-600 text-white"
                  : done
                    ? "bg-brand-100 text-brand-700"
                    : "bg-slate-100 text-slate-500"
              }`}
            >
              {done ? "✓" : number}
            </span>
          );
          const text = (
            <span
              className={
                isCurrent ? "font-semibold text-slate-900" : done ? "text-slate-700" : "text-slate-500"
              }
            >
              {label}
            </span>
          );
          return (
            <li key={id} className="flex items-center gap-2" aria-current={isCurrent ? "step" : undefined}>
              {done && onBack ? (
                <button
                  type="button"
                  onClick={() => onBack(id)}
                  className="flex items-center gap-2 rounded-md px-1 py-0.5 hover:bg-slate-100"
                  aria-label={`Back to step ${number}: ${label}`}
                >
                  {marker}
                  {text}
                </button>
              ) : (
                <span className="flex items-center gap-2 px-1 py-0.5">
                  {marker}
                  {text}
                  {done && <span className="sr-only">(done)</span>}
                </span>
              )}
              {/* On a phone the steps wrap onto several lines, where joining lines would trail off. */}
              {number < WIZARD_STEPS.length && (
                <span aria-hidden="true" className="mx-1 h-px w-6 bg-slate-300 max-sm:hidden" />
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
