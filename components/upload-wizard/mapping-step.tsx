"use client";

import { mappingProblems, type ColumnMapping } from "@/lib/csv";
import { formatDateTime } from "@/lib/format";
import type { Region } from "@/lib/recapture/regions";
import type { SharedColumnMapping } from "@/lib/uploads/column-mapping-schemas";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ColumnMappingRow } from "@/components/upload-wizard/column-mapping-row";
import type { FileColumns } from "@/components/upload-wizard/pipeline-protocol";
import { StepActions } from "@/components/upload-wizard/step-actions";

export interface MappingStepProps {
  columns: FileColumns;
  mapping: ColumnMapping[];
  /** The mapping on screen is the one saved for these headers, by this person or another. */
  shared: SharedColumnMapping | null;
  timeZone: string;
  region: Region;
  busy: boolean;
  onChange: (mapping: ColumnMapping[]) => void;
  onBack: () => void;
  onContinue: () => void;
}

export function MappingStep({
  columns,
  mapping,
  shared,
  timeZone,
  region,
  busy,
  onChange,
  onBack,
  onContinue,
}: MappingStepProps) {
  const problems = mappingProblems(columns.headers, mapping, region);
  const errors = problems.filter((problem) => problem.severity === "error");
  const warnings = problems.filter((problem) => problem.severity === "warning");
  const keyMissing = mapping.some(({ target }) => target.kind === "additional" && target.key.trim() === "");
  const blocked = errors.length > 0 || keyMissing;

  return (
    <div className="flex flex-col gap-4">
      {shared && (
        <Alert tone="info">
          Using the columns{" "}
          {shared.savedBy.name ? `${shared.savedBy.name} (${shared.savedBy.email})` : shared.savedBy.email}{" "}
          saved on {formatDateTime(shared.savedAt, timeZone)} for files with these headers. They are shared
          with everyone in the dealership.{" "}
          <button
            type="button"
            className="font-medium text-brand-700 underline hover:text-brand-900"
            onClick={() => onChange(columns.suggestedMapping)}
          >
            Start from the suggested match instead
          </button>
        </Alert>
      )}
      {/* Below md each column of the file is a card (ColumnMappingRow): its choices in reach without
          scrolling sideways. Every control carries its own label, so the hidden column headers aren't missed. */}
      <div className="overflow-x-auto rounded-md border border-slate-200">
        <table className="w-full text-left text-sm max-md:block">
          <caption className="sr-only">Where each column of the file goes</caption>
          <thead className="bg-slate-50 text-xs font-medium text-slate-500 max-md:hidden">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">
                Column in your file
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Sample values
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Send as
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Details
              </th>
            </tr>
          </thead>
          <tbody className="max-md:block">
            {columns.headers.map((header, column) => {
              const columnMapping = mapping[column];
              if (!columnMapping) return null;
              return (
                <ColumnMappingRow
                  key={column}
                  column={column}
                  header={header}
                  samples={columns.samples[column] ?? []}
                  fittingDateFormats={columns.fittingDateFormats[column] ?? []}
                  dateTally={columns.dateTallies[column] ?? null}
                  mapping={columnMapping}
                  onChange={(changed) =>
                    onChange(mapping.map((current, i) => (i === column ? changed : current)))
                  }
                />
              );
            })}
          </tbody>
        </table>
      </div>
      {errors.length > 0 && (
        <Alert tone="danger" title="Before you continue">
          <ul className="list-disc pl-5">
            {errors.map(({ message }) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </Alert>
      )}
      {warnings.length > 0 && (
        <Alert tone="warning">
          <ul className="list-disc pl-5">
            {warnings.map(({ message }) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </Alert>
      )}
      <StepActions
        back={
          <Button variant="secondary" onClick={onBack} disabled={busy}>
            Back
          </Button>
        }
      >
        <Button onClick={onContinue} disabled={busy || blocked}>
          Check the rows
        </Button>
      </StepActions>
    </div>
  );
}
