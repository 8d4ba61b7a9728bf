import type { ReactNode } from "react";
import { personLabel } from "@/components/uploads/upload-display";
import { formatCount, formatDateTime } from "@/lib/format";
import { notSentFileUrl } from "@/lib/queries/uploads";
import type { RegisteredUpload } from "@/lib/uploads/register-schemas";

export interface UploadFactsProps {
  upload: RegisteredUpload;
  timeZone: string;
}

/** What the register knows about an upload beyond its counters: the file, who, when, where. */
export function UploadFacts({ upload, timeZone }: UploadFactsProps) {
  const [first] = upload.parts;
  const facts: { term: string; value: ReactNode }[] = [];
  if (upload.file) {
    const { name, rowsInFile, rowsSent, rowsNotSent } = upload.file;
    facts.push(
      { term: "File", value: name },
      {
        term: "Rows in file",
        value: `${formatCount(rowsInFile)}: ${formatCount(rowsSent)} sent, ${formatCount(rowsNotSent)} not sent`,
      },
    );
    if (rowsNotSent > 0) {
      facts.push({
        term: "Rows not sent",
        value: (
          <a
            href={notSentFileUrl(upload.id)}
            download
            className="font-medium text-brand-700 underline-offset-2 hover:underline"
          >
            {rowsNotSent === 1
              ? "Download the row not sent (CSV)"
              : `Download the ${formatCount(rowsNotSent)} rows not sent (CSV)`}
          </a>
        ),
      });
    }
  }
  if (upload.recordedBy) {
    facts.push({
      term: upload.source === "tracked" ? "Tracked by" : "Sent by",
      value: personLabel(upload.recordedBy),
    });
  } else if (upload.source === "demo") {
    facts.push({ term: "Sent by", value: "Emulator demo data" });
  }
  if (first) {
    facts.push(
      { term: "Created", value: formatDateTime(first.createdAt, timeZone) },
      { term: "Region", value: first.region.toUpperCase() },
      { term: "Rego lookups", value: first.enableRegoLookups ? "On (paid VIN lookups)" : "Off" },
    );
  }
  if (upload.parts.length === 1 && first) {
    facts.push({ term: "Upload ID", value: <span className="font-mono text-xs">{first.id}</span> });
  }

  return (
    <section
      aria-labelledby="details-heading"
      className="rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <h2
        id="details-heading"
        className="border-b border-slate-200 px-6 py-3 text-sm font-semibold text-slate-900"
      >
        Details
      </h2>
      <dl className="grid gap-x-8 gap-y-4 px-6 py-4 sm:grid-cols-2 lg:grid-cols-3">
        {facts.map(({ term, value }) => (
          <div key={term}>
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{term}</dt>
            <dd className="mt-1 text-sm text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
