"use client";

import { useCallback, useEffect, useState } from "react";
import type { ColumnMapping, ReviewCounts } from "@/lib/csv";
import type { Region } from "@/lib/recapture/regions";
import { FileStep } from "@/components/upload-wizard/file-step";
import { HeaderRowStep } from "@/components/upload-wizard/header-row-step";
import { MappingStep } from "@/components/upload-wizard/mapping-step";
import type { FileColumns, LoadedFile } from "@/components/upload-wizard/pipeline-protocol";
import { PipelineStatus } from "@/components/upload-wizard/pipeline-status";
import { ReviewStep } from "@/components/upload-wizard/review-step";
import { loadSavedMapping, saveMapping } from "@/components/upload-wizard/saved-mappings";
import { defaultSettingsValues, type SettingsValues } from "@/components/upload-wizard/settings-form";
import { SettingsStep } from "@/components/upload-wizard/settings-step";
import { StepHeading } from "@/components/upload-wizard/step-heading";
import { SubmitStep } from "@/components/upload-wizard/submit-step";
import { usePipeline } from "@/components/upload-wizard/use-pipeline";
import type { WizardStepId } from "@/components/upload-wizard/wizard-steps";
import { WizardStepper } from "@/components/upload-wizard/wizard-stepper";

export interface UploadWizardProps {
  region: Region;
  maxCustomersPerUpload: number;
  maxFileBytes: number;
}

const DESCRIPTIONS: Record<WizardStepId, string> = {
  file: "Drop the customer export from your dealer management system. It is read here in your browser; nothing is sent until the last step.",
  header:
    "Report titles above the column names are skipped. Check that the highlighted line holds the column names.",
  mapping:
    "Tell Recapture what each column holds. Columns are matched from their names; anything else is kept as an additional field unless you choose not to send it.",
  settings: "Name the upload and choose how its customers are watched.",
  review:
    "Every row is cleaned up and checked. Rows with an error aren't sent unless you fix them here; you can download them either way.",
  submit: "Check the summary, then send. Large files go in parts, one after another.",
};

export function UploadWizard({ region, maxCustomersPerUpload, maxFileBytes }: UploadWizardProps) {
  const pipeline = usePipeline();
  const { run } = pipeline;
  const [step, setStep] = useState<WizardStepId>("file");
  const [moved, setMoved] = useState(false);
  const [file, setFile] = useState<{ name: string; loaded: LoadedFile }>();
  const [columns, setColumns] = useState<FileColumns>();
  const [mapping, setMapping] = useState<ColumnMapping[]>([]);
  const [remembered, setRemembered] = useState(false);
  const [counts, setCounts] = useState<ReviewCounts>();
  const [settings, setSettings] = useState<SettingsValues>();
  const [locked, setLocked] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [workFailure, setWorkFailure] = useState<string>();
  const busy = pipeline.progress !== undefined;

  useEffect(() => {
    if (!locked) return;
    // Leaving mid-send would drop the parts not yet sent and the register entry.
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [locked]);

  function go(next: WizardStepId) {
    setWorkFailure(undefined);
    setStep(next);
    setMoved(true);
  }

  /** Runs a step's work in the worker; a failure is shown on the step instead of moving on. */
  async function attempt(work: () => Promise<void>) {
    setWorkFailure(undefined);
    try {
      await work();
    } catch (error) {
      setWorkFailure(error instanceof Error ? error.message : String(error));
    }
  }

  async function loadFile(picked: File) {
    const loaded = await run(
      { type: "load", file: picked, maxBytes: maxFileBytes },
      `Reading ${picked.name}…`,
    );
    setFile({ name: picked.name, loaded });
    setColumns(undefined);
    setCounts(undefined);
    setSettings(undefined);
    go("header");
  }

  const chooseHeader = (headerRowIndex: number) =>
    attempt(async () => {
      if (columns?.headerRowIndex !== headerRowIndex) {
        const chosen = await run({ type: "choose-header", headerRowIndex });
        const saved = loadSavedMapping(window.localStorage, chosen.signature, chosen.headers);
        setColumns(chosen);
        setMapping(saved ?? chosen.suggestedMapping);
        setRemembered(saved !== undefined);
        setCounts(undefined);
      }
      go("mapping");
    });

  const checkRows = () =>
    attempt(async () => {
      if (!columns || !file) return;
      saveMapping(window.localStorage, columns.signature, mapping);
      setCounts(await run({ type: "review", mapping, region }, "Checking the rows…"));
      setSettings((current) => current ?? defaultSettingsValues(file.name, new Date()));
      go("settings");
    });

  const onLockedChange = useCallback((value: boolean) => setLocked(value), []);

  return (
    <section
      aria-labelledby="wizard-heading"
      className="rounded-lg border border-slate-200 bg-white shadow-sm"
    >
      <h2 id="wizard-heading" className="sr-only">
        Upload wizard
      </h2>
      <WizardStepper current={step} onBack={locked || busy ? undefined : go} />
      <PipelineStatus progress={pipeline.progress} announcement={announcement} />
      <div className="px-5 pb-6 pt-2">
        <StepHeading key={step} step={step} takeFocus={moved} description={DESCRIPTIONS[step]} />
        {workFailure && (
          <div
            role="alert"
            className="mb-4 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900"
          >
            {workFailure}
          </div>
        )}
        {step === "file" && <FileStep maxFileBytes={maxFileBytes} busy={busy} onFile={loadFile} />}
        {step === "header" && file && (
          <HeaderRowStep
            fileName={file.name}
            file={file.loaded}
            headerRowIndex={columns?.headerRowIndex ?? file.loaded.detectedHeaderRowIndex}
            busy={busy}
            onBack={() => go("file")}
            onContinue={chooseHeader}
          />
        )}
        {step === "mapping" && columns && (
          <MappingStep
            columns={columns}
            mapping={mapping}
            remembered={remembered}
            region={region}
            busy={busy}
            onChange={(changed) => {
              setMapping(changed);
              setRemembered(false);
            }}
            onBack={() => go("header")}
            onContinue={checkRows}
          />
        )}
        {step === "settings" && counts && settings && (
          <SettingsStep
            initialValues={settings}
            counts={counts}
            onBack={(values) => {
              setSettings(values);
              go("mapping");
            }}
            onContinue={(values) => {
              setSettings(values);
              go("review");
            }}
          />
        )}
        {step === "review" && file && columns && counts && (
          <ReviewStep
            run={run}
            fileName={file.name}
            headers={columns.headers}
            mapping={mapping}
            counts={counts}
            onCountsChange={setCounts}
            announce={setAnnouncement}
            onBack={() => go("settings")}
            onContinue={() => go("submit")}
          />
        )}
        {step === "submit" && file && counts && settings && (
          <SubmitStep
            run={run}
            fileName={file.name}
            counts={counts}
            settings={settings}
            maxCustomersPerUpload={maxCustomersPerUpload}
            onLockedChange={onLockedChange}
            onBack={() => go("review")}
          />
        )}
      </div>
    </section>
  );
}
