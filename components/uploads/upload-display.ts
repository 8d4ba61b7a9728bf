import type { Person, RegisteredUpload } from "@/lib/uploads/register-schemas";

/** A person as the register names them: their name, else their email. */
export const personLabel = (person: Person) => person.name ?? person.email;

export const uploadTitle = (upload: Pick<RegisteredUpload, "name">) => upload.name ?? "Untitled upload";

export const uploadHref = (uploadId: string) => `/uploads/${encodeURIComponent(uploadId)}`;
