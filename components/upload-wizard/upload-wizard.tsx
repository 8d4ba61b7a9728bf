"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import type { ColumnMapping } from "@/lib/csv";
import { columnMappingQueries, useSaveColumnMapping } from "@/lib/queries/column-mappings";
import type { Region } from "@/lib/recapture/regions";
import { canShareMapping, type SharedColumnMapping } from "@/lib/uploads/column-mapping-schemas";
import { FileStep } from "@/components/upload-wizard/file-step";
import { HeaderRowStep } from "@/components/upload-wizard/header-row-step";
import { MappingStep } from "@/components/upload-wizard/mapping-step";
import type { FileColumns, LoadedFile, ReviewState } from "@/components/upload-wizard/pipeline-protocol";
import { PipelineStatus } from "@/components/upload-wizard/pipeline-status";
import { ReviewStep } from "@/components/upload-wizard/review-step";
import { defaultSettingsValues, type SettingsValues } from "@/components/upload-wizard/settings-form";
import { SettingsStep } from "@/components/upload-wizard/settings-step";
import { StepHeading } from "@/components/upload-wizard/step-heading";
import { SubmitStep } from "@/components/upload-wizard/submit-step";
import { useMonitoredCheck } from "@/components/upload-wizard/use-monitored-check";
import { usePipeline } from "@/components/upload-wizard/use-pipeline";
import type { WizardStepId } from "@/components/upload-wizard/wizard-steps";
import { WizardStepper } from "@/components/upload-wizard/wizard-stepper";

export interface UploadWizardProps {
  region: Region;
  maxCustomersPerUpload: number;
  maxFileBytes: number;
  /** The dealership's, for when a shared mapping was saved. */
  timeZone: string;
}

const DESCRIPTIONS: Record<WizardStepId, string> = {
  file: "Drop the customer export from your dealer management system, as CSV or Excel. It is read here in your browser; nothing is sent until the last step.",
  header:
    "Report titles above the column names are skipped. Check that the highlighted line holds the column names.",
  mapping:
    "Tell Recapture what each column holds. Columns are matched from their names; anything else is kept as an additional field unless you choose not to send it.",
  settings: "Name the upload and choose how its customers are watched.",
  review:
    "Every row is cleaned up and checked. Rows with an error aren't sent unless you fix them here; you can download them either way.",
  submit: "Check the summary, then send. Large files go in parts, one after another.",
};

export function UploadWizard({ region, maxCustomersPerUpload, maxFileBytes, timeZone }: UploadWizardProps) {
  const pipeline = usePipeline();
  const { run } = pipeline;
  const queryClient = useQueryClient();
  const saveMapping = useSaveColumnMapping();
  const [step, setStep] = useState<WizardStepId>("file");
  const [moved, setMoved] = useState(false);
  const [file, setFile] = useState<{ name: string; loaded: LoadedFile }>();
  const [columns, setColumns] = useState<FileColumns>();
  const [mapping, setMapping] = useState<ColumnMapping[]>([]);
  // The mapping someone saved for these headers, and whether the one on screen is still it.
  const [shared, setShared] = useState<SharedColumnMapping | null>(null);
  const [usingShared, setUsingShared] = useState(false);
  const [review, setReview] = useState<ReviewState>();
  const [focusReason, setFocusReason] = useState<string>();
  const [settings, setSettings] = useState<SettingsValues>();
  const [locked, setLocked] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [workFailure, setWorkFailure] = useState<string>();
  // Bumped when the check against the customer index changes the review, so its rows are fetched again.
  const [reviewRevision, setReviewRevision] = useState(0);
  const monitoredAnswered = useCallback((checked: ReviewState) => {
    setReview(checked);
    setReviewRevision((value) => value + 1);
  }, []);
  const monitored = useMonitoredCheck(run, region, monitoredAnswered);
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
    setFocusReason(undefined);
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
    setReview(undefined);
    monitored.reset();
    setSettings(undefined);
    go("header");
  }

  const chooseSheet = (sheetIndex: number) =>
    attempt(async () => {
      if (!file) return;
      const loaded = await run({ type: "choose-sheet", sheetIndex }, "Reading the sheet…");
      setFile({ name: file.name, loaded });
      setColumns(undefined);
      setReview(undefined);
      monitored.reset();
    });

  /** The mapping saved for these headers by anyone in the dealership; none when it can't be read now. */
  async function sharedMappingFor(headers: readonly string[]): Promise<SharedColumnMapping | null> {
    if (!canShareMapping(headers)) return null;
    try {
      return await queryClient.fetchQuery(columnMappingQueries.forHeaders(headers));
    } catch {
      // Not reaching the server only costs the convenience: the suggested match is a fine start.
      return null;
    }
  }

  const chooseHeader = (headerRowIndex: number) =>
    attempt(async () => {
      if (columns?.headerRowIndex !== headerRowIndex) {
        const chosen = await run({ type: "choose-header", headerRowIndex });
        const saved = await sharedMappingFor(chosen.headers);
        const restored = saved && saved.mapping.length === chosen.headers.length ? saved : null;
        setColumns(chosen);
        setMapping(restored?.mapping ?? chosen.suggestedMapping);
        setShared(restored);
        setUsingShared(restored !== null);
        setReview(undefined);
        monitored.reset();
      }
      go("mapping");
    });

  /** Shares the mapping with the dealership, unless it is the one already shared; a failure to save doesn't stop the upload. */
  async function shareMapping(headers: readonly string[]) {
    if (usingShared || !canShareMapping(headers)) return;
    try {
      setShared(await saveMapping.mutateAsync({ headers, mapping }));
      setUsingShared(true);
    } catch {
      // The upload goes on; the next file with these headers starts from the suggestion instead.
    }
  }

  const checkRows = () =>
    attempt(async () => {
      if (!columns || !file) return;
      const [checked] = await Promise.all([
        run({ type: "review", mapping, region }, "Checking the rows…"),
        shareMapping(columns.headers),
      ]);
      setReview(checked);
      // Goes on in the background while the settings are chosen; the review shows how it stands.
      monitored.start();
      setSettings((current) => current ?? defaultSettingsValues(file.name, new Date()));
      go("settings");
    });

  /** The Send step's link back to the commonest reason rows aren't sent. */
  function reviewReason(key: string) {
    go("review");
    setFocusReason(key);
  }

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
            key={file.loaded.source.kind === "workbook" ? file.loaded.source.sheetIndex : 0}
            fileName={file.name}
            file={file.loaded}
            headerRowIndex={columns?.headerRowIndex ?? file.loaded.detectedHeaderRowIndex}
            busy={busy}
            onBack={() => go("file")}
            onChooseSheet={chooseSheet}
            onContinue={chooseHeader}
          />
        )}
        {step === "mapping" && columns && (
          <MappingStep
            columns={columns}
            mapping={mapping}
            shared={usingShared ? shared : null}
            timeZone={timeZone}
            region={region}
            busy={busy}
            onChange={(changed) => {
              setMapping(changed);
              setUsingShared(false);
            }}
            onBack={() => go("header")}
            onContinue={checkRows}
          />
        )}
        {step === "settings" && review && settings && (
          <SettingsStep
            initialValues={settings}
            counts={review.counts}
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
        {step === "review" && file && columns && review && (
          <ReviewStep
            run={run}
            fileName={file.name}
            headers={columns.headers}
            mapping={mapping}
            review={review}
            onReviewChange={setReview}
            monitoredCheck={monitored.check}
            onRetryMonitoredCheck={monitored.start}
            reviewRevision={reviewRevision}
            focusReason={focusReason}
            busy={busy}
            announce={setAnnouncement}
            onBack={() => go("settings")}
            onContinue={() => go("submit")}
          />
        )}
        {step === "submit" && file && review && settings && (
          <SubmitStep
            run={run}
            fileName={file.name}
            counts={review.counts}
            monitoredCheck={monitored.check}
            reasons={review.reasons}
            onReviewReason={reviewReason}
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
