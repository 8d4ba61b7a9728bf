import type { Person, RegisteredUpload } from "@/lib/uploads/register-schemas";

/** A person as the register names them: their name, else their email. */
export const personLabel = (person: Person) => person.name ?? person.email;

export const uploadTitle = (upload: Pick<RegisteredUpload, "name">) => upload.name ?? "Untitled upload";

export const uploadHref = (uploadId: string) => `/uploads/${encodeURIComponent(uploadId)}`;

const timesOfDay = new Map<string, Intl.DateTimeFormat>();

/** "5:48:12 pm" in the dealership's time zone: when the last numbers arrived, to the second. */
export function formatTimeOfDay(epochMs: number, timeZone: string): string {
  let formatter = timesOfDay.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-AU", { timeStyle: "medium", timeZone });
    timesOfDay.set(timeZone, formatter);
  }
  return formatter.format(epochMs);
}
