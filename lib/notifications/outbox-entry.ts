import type { MailKind } from "./mail-message";

/** A message in the outbox as /settings/outbox lists it. */
export interface OutboxEntry {
  id: number;
  to: string;
  subject: string;
  kind: MailKind;
  createdAt: string;
  /** When the SMTP server took it; null while it waits (no SMTP_URL) or after an error. */
  sentAt: string | null;
  error: string | null;
}

export interface OutboxMessage extends OutboxEntry {
  text: string;
}

export type OutboxState = "sent" | "error" | "queued";

export function outboxState(entry: Pick<OutboxEntry, "sentAt" | "error">): OutboxState {
  return entry.sentAt ? "sent" : entry.error ? "error" : "queued";
}
