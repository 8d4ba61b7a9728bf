"use client";

import { useState, type DragEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Spinner } from "@/components/ui/spinner";
import { fileProblem } from "@/components/upload-wizard/file-checks";
import { PipelineError } from "@/components/upload-wizard/pipeline-client";

export interface FileStepProps {
  maxFileBytes: number;
  busy: boolean;
  /** Reads the file in the worker; rejects with a PipelineError when it can't be used. */
  onFile: (file: File) => Promise<void>;
}

const INPUT_ID = "upload-file-input";
const HINT_ID = "upload-file-hint";

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

export function FileStep({ maxFileBytes, busy, onFile }: FileStepProps) {
  const [dragging, setDragging] = useState(false);
  const [failure, setFailure] = useState<{ fileName: string; message: string }>();

  async function take(files: FileList | null) {
    const file = files?.[0];
    if (!file || busy) return;
    if (files.length > 1) return setFailure({ fileName: file.name, message: "Drop one file at a time." });
    const problem = fileProblem(file, maxFileBytes);
    if (problem) return setFailure({ fileName: file.name, message: problem });
    setFailure(undefined);
    try {
      await onFile(file);
    } catch (error) {
      setFailure({
        fileName: file.name,
        message:
          error instanceof PipelineError ? error.message : "This file couldn't be read. Please try again.",
      });
    }
  }

  function over(event: DragEvent) {
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    setDragging(true);
  }

  return (
    <div className="flex flex-col gap-4">
      <div
        data-testid="file-drop-zone"
        onDragEnter={over}
        onDragOver={over}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          void take(event.dataTransfer.files);
        }}
        className={`flex flex-col items-center gap-3 rounded-lg border-2 border-dashed px-6 py-12 text-center transition-colors ${
          dragging ? "border-brand-500 bg-brand-50" : "border-slate-300 bg-slate-50"
        }`}
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
          className="h-10 w-10 text-brand-600"
        >
          <path
            strokeLinecap="round"
            strokeLinejoin="round"
            d="M12 16V4m0 0 4 4m-4-4-4 4M4 16v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2"
          />
        </svg>
        {busy ? (
          <p className="inline-flex items-center gap-2 text-sm font-medium text-brand-700">
            <Spinner /> Reading the file…
          </p>
        ) : (
          <>
            <p className="text-base font-medium text-slate-900">Drag your customer export here</p>
            <p className="text-sm text-slate-500">or</p>
            <input
              id={INPUT_ID}
              type="file"
              accept=".csv,.tsv,.txt,.xlsx,.xls,text/csv,text/tab-separated-values,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel"
              aria-describedby={HINT_ID}
              className="peer sr-only"
              onChange={(event) => {
                void take(event.currentTarget.files);
                event.currentTarget.value = "";
              }}
            />
            <label
              htmlFor={INPUT_ID}
              className="inline-flex h-9 cursor-pointer items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white shadow-sm hover:bg-brand-700 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600"
            >
              Choose a file
            </label>
          </>
        )}
        <p id={HINT_ID} className="max-w-md text-xs text-slate-500">
          A .csv, .tsv or .txt export, or an Excel workbook (.xlsx or .xls), from your dealer management
          system, up to {megabytes(maxFileBytes)}. Title lines, total lines and Windows accents are all fine.
        </p>
      </div>
      {failure && (
        <Alert tone="danger" title={`We can't use "${failure.fileName}"`}>
          {failure.message}
        </Alert>
      )}
      <div className="grid gap-3 text-sm text-slate-600 sm:grid-cols-3">
        {[
          [
            "Match the columns",
            "Rego, state, VIN and dates are recognised from your headers; you confirm or change them.",
          ],
          [
            "Fix what's wrong",
            "Every row is checked. Fix a bad cell right in the table, or download the rows that can't be sent.",
          ],
          [
            "Nothing is lost",
            "The counts always add up: every row is either sent or listed, with its reason.",
          ],
        ].map(([title, text]) => (
          <div key={title} className="rounded-md border border-slate-200 bg-white p-3">
            <p className="font-medium text-slate-800">{title}</p>
            <p className="mt-1 text-xs">{text}</p>
          </div>
        ))}
      </div>
    </div>
  );
}
