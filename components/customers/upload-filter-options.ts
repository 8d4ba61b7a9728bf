import { formatDateTime, formatQuantity } from "@/lib/format";
import type { RegisteredUpload } from "@/lib/uploads/register-schemas";

/** The value of the upload picker's option that asks for an upload id instead. */
export const BY_ID = "by-id";

export interface UploadFilterOption {
  /** An upload id, "" for all uploads, or BY_ID. */
  value: string;
  label: string;
}

/**
 * One option per upload the register holds, newest first; each part of a split file is
 * an upload of its own in the Recapture API (its name already says "part 2 of 3"), so
 * each gets its own option. The sent time is in the dealership's time zone.
 */
export function uploadFilterOptions(
  uploads: readonly RegisteredUpload[],
  timeZone: string,
): UploadFilterOption[] {
  return uploads.flatMap((upload) =>
    upload.parts.map((part) => ({
      value: part.id,
      label: [
        part.name ?? upload.name ?? `Upload ${part.id.slice(0, 8)}`,
        `sent ${formatDateTime(part.createdAt, timeZone)}`,
        formatQuantity(part.totalUploaded, "customer"),
      ].join(" · "),
    })),
  );
}

/**
 * What the picker shows for the table's filter: all uploads, a listed upload, or BY_ID
 * for an id the register doesn't list. While the register loads, the filtered id is
 * shown as it is rather than switching to BY_ID and back.
 */
export function pickerValue(
  uploadId: string | undefined,
  options: readonly UploadFilterOption[],
  loading: boolean,
): string {
  if (uploadId === undefined) return "";
  return loading || options.some((option) => option.value === uploadId) ? uploadId : BY_ID;
}
