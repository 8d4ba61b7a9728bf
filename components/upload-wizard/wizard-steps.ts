export const WIZARD_STEPS = [
  { id: "file", label: "File", heading: "Choose the file" },
  { id: "header", label: "Header row", heading: "Check the header row" },
  { id: "mapping", label: "Columns", heading: "Match the columns" },
  { id: "settings", label: "Settings", heading: "Upload settings" },
  { id: "review", label: "Review", heading: "Review the rows" },
  { id: "submit", label: "Send", heading: "Send the upload" },
] as const;

export type WizardStepId = (typeof WIZARD_STEPS)[number]["id"];

export function stepNumber(id: WizardStepId): number {
  return WIZARD_STEPS.findIndex((step) => step.id === id) + 1;
}
