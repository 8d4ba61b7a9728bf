import "server-only";
import type { Upload } from "@/lib/recapture/schemas";
import type {
  BatchColumns,
  LineSentPartRow,
  LineUploadRow,
  UploadRow,
} from "@/lib/server/db/uploads-register";
import { toSentPart } from "@/lib/server/db/sent-part-rows";
import type { Person, RegisteredUpload, UploadPart } from "@/lib/uploads/register-schemas";

/** Rows of the register (lib/server/db/uploads-register.ts) in the shapes the API and pages use. */

const person = (email: string | null, name: string | null): Person | null =>
  email === null ? null : { email, name };

export function toPart(row: UploadRow): UploadPart {
  return {
    id: row.id,
    name: row.name,
    region: row.region,
    partNumber: row.part_number,
    enableRegoLookups: row.enable_rego_lookups === 1,
    createdAt: row.created_at,
    totalUploaded: row.total_uploaded,
    totalProcessed: row.total_processed,
    totalErrors: row.total_errors,
    checkedAt: row.checked_at,
    cancelledAt: row.cancelled_at,
    cancelledBy: person(row.cancelled_by_email, row.cancelled_by_name),
  };
}

/** An upload in the API's shape, with the counters last seen. */
export function toUploadAnswer(row: UploadRow): Upload {
  return {
    id: row.id,
    created_at: row.created_at,
    enable_rego_lookups: row.enable_rego_lookups === 1,
    name: row.name,
    total_uploaded_customers: row.total_uploaded,
    total_processed_customers: row.total_processed,
    total_errors: row.total_errors,
  };
}

function fileOf(row: BatchColumns): RegisteredUpload["file"] {
  return row.file_name === null
    ? null
    : {
        name: row.file_name,
        rowsInFile: row.rows_in_file ?? 0,
        rowsSent: row.rows_sent ?? 0,
        rowsNotSent: row.rows_not_sent ?? 0,
      };
}

/** One register line from its uploads and its sent parts without one, each already in part order. */
export function toRegisteredUpload(rows: LineUploadRow[], unlinked: LineSentPartRow[]): RegisteredUpload {
  const [first] = rows;
  const sentParts = unlinked.map(toSentPart);
  if (first) {
    const sentAt = unlinked.map((part) => part.sent_at);
    return {
      id: first.id,
      name: first.batch_name ?? first.name,
      source: first.source,
      recordedBy: person(first.recorded_by_email, first.recorded_by_name),
      recordedAt: [first.recorded_at, ...sentAt].sort()[0]!,
      file: fileOf(first),
      parts: rows.map(toPart),
      sentParts,
    };
  }
  const [part] = unlinked;
  if (!part) throw new Error("A register line needs at least one upload or sent part");
  return {
    id: part.id,
    name: part.batch_name ?? part.name,
    source: "dashboard",
    recordedBy: { email: part.sent_by_email, name: part.sent_by_name },
    recordedAt: unlinked.map((row) => row.sent_at).sort()[0]!,
    file: fileOf(part),
    parts: [],
    sentParts,
  };
}
