"use client";

import { useState } from "react";
import type { Delimiter, TextEncoding } from "@/lib/csv";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import type { FileSource, LoadedFile } from "@/components/upload-wizard/pipeline-protocol";
import { StepActions } from "@/components/upload-wizard/step-actions";
import { formatCount } from "@/lib/format";

export interface HeaderRowStepProps {
  fileName: string;
  file: LoadedFile;
  headerRowIndex: number;
  busy: boolean;
  onBack: () => void;
  /** Reads another sheet of a workbook; the wizard shows the step anew for it (a new `key`). */
  onChooseSheet: (sheetIndex: number) => void;
  onContinue: (headerRowIndex: number) => void;
}

const ENCODING_LABELS: Record<TextEncoding, string> = {
  "utf-8": "UTF-8",
  "utf-8-bom": "UTF-8 with byte-order mark",
  "utf-16le": "UTF-16",
  "utf-16be": "UTF-16 (big-endian)",
  "windows-1252": "Windows-1252 (older Excel)",
};

const DELIMITER_LABELS: Record<Delimiter, string> = {
  ",": "comma-separated",
  "\t": "tab-separated",
  ";": "semicolon-separated",
};

const WORKBOOK_LABELS: Record<"xlsx" | "xls", string> = {
  xlsx: "Excel workbook",
  xls: "Excel 97–2003 workbook",
};

function sourceText(source: FileSource): string {
  return source.kind === "text"
    ? `${ENCODING_LABELS[source.encoding]} · ${DELIMITER_LABELS[source.delimiter]}`
    : `${WORKBOOK_LABELS[source.format]} · sheet "${source.sheets[source.sheetIndex]}"`;
}

// Wide exports are cut in the preview; the mapping step shows every column.
const PREVIEW_COLUMNS = 8;

export function HeaderRowStep({
  fileName,
  file,
  headerRowIndex,
  busy,
  onBack,
  onChooseSheet,
  onContinue,
}: HeaderRowStepProps) {
  const [chosen, setChosen] = useState(headerRowIndex);
  const width = Math.max(...file.previewRows.map((row) => row.length));
  const shownColumns = Math.min(width, PREVIEW_COLUMNS);
  const { source } = file;

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-600">
        <span className="font-medium text-slate-900">{fileName}</span> · {sourceText(source)} ·{" "}
        {formatCount(file.recordCount)} lines
      </p>
      {source.kind === "workbook" && source.sheets.length > 1 && (
        <div className="flex flex-col gap-1">
          <label htmlFor="workbook-sheet" className="text-sm font-medium text-slate-800">
            Sheet
          </label>
          <Select
            id="workbook-sheet"
            value={source.sheetIndex}
            disabled={busy}
            aria-describedby="workbook-sheet-hint"
            onChange={(event) => onChooseSheet(Number(event.currentTarget.value))}
            className="w-72 max-sm:w-full"
          >
            {source.sheets.map((name, index) => (
              <option key={index} value={index}>
                {name}
              </option>
            ))}
          </Select>
          <p id="workbook-sheet-hint" className="text-xs text-slate-500">
            This workbook has {source.sheets.length} sheets; the customers are read from the one chosen here.
          </p>
        </div>
      )}
      {file.warnings.length > 0 && (
        <Alert tone="warning" title="Some quotes in this file look wrong">
          <ul className="list-disc pl-5">
            {file.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </Alert>
      )}
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-800">
          Which line holds the column names?
        </legend>
        <div className="overflow-x-auto rounded-md border border-slate-200">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs text-slate-500">
              <tr>
                {/* The line's radio stays in view while a wide file scrolls sideways. */}
                <th scope="col" className="sticky-edge sticky left-0 w-28 bg-slate-50 px-3 py-2 font-medium">
                  Line
                </th>
                {Array.from({ length: shownColumns }, (_, column) => (
                  <th key={column} scope="col" className="px-3 py-2 font-medium">
                    {String.fromCharCode(65 + column)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {file.previewRows.map((row, index) => {
                const isHeader = index === chosen;
                const above = index < chosen;
                return (
                  <tr
                    key={index}
                    className={`border-t border-slate-100 ${isHeader ? "bg-brand-50 font-semibold text-slate-900" : above ? "text-slate-500" : "text-slate-700"}`}
                  >
                    <td
                      className={`sticky-edge sticky left-0 whitespace-nowrap px-3 py-1.5 ${isHeader ? "bg-brand-50" : "bg-white"}`}
                    >
                      <label className="inline-flex cursor-pointer items-center gap-2">
                        <input
                          type="radio"
                          name="header-row"
                          value={index}
                          checked={isHeader}
                          onChange={() => setChosen(index)}
                          className="h-4 w-4 accent-brand-600"
                          aria-label={`Line ${index + 1} holds the column names${index === file.detectedHeaderRowIndex ? " (detected)" : ""}`}
                        />
                        <span aria-hidden="true">{index + 1}</span>
                        {above && <span className="text-xs font-normal">skipped</span>}
                        {isHeader && <span className="text-xs font-normal text-brand-700">header</span>}
                      </label>
                    </td>
                    {Array.from({ length: shownColumns }, (_, column) => (
                      <td
                        key={column}
                        className="max-w-48 truncate whitespace-nowrap px-3 py-1.5"
                        title={row[column]}
                      >
                        {row[column]}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p className="mt-2 text-xs text-slate-500">
          {chosen === file.detectedHeaderRowIndex ? "Detected automatically. " : ""}Lines above the header
          (report titles, dates) are skipped.
          {file.recordCount > file.previewRows.length &&
            ` Showing the first ${file.previewRows.length} lines.`}
          {width > PREVIEW_COLUMNS && ` Showing ${PREVIEW_COLUMNS} of ${width} columns.`}
        </p>
      </fieldset>
      <StepActions
        back={
          <Button variant="secondary" onClick={onBack} disabled={busy}>
            Choose another file
          </Button>
        }
      >
        <Button onClick={() => onContinue(chosen)} disabled={busy}>
          Continue to columns
        </Button>
      </StepActions>
    </div>
  );
}
