import "server-only";
import nodemailer from "nodemailer";
import type { MailMessage } from "@/lib/notifications/mail-message";
import type { Db } from "@/lib/server/db";
import {
  findQueuedMessages,
  markOutboxFailed,
  markOutboxSent,
  queueOutboxMessages,
} from "@/lib/server/db/outbox";
import { env } from "@/lib/server/env";

/**
 * Sends the dashboard's email. Every message is first written to the outbox;
 * with SMTP_URL set it is then handed to that server and marked sent (or its
 * error kept), without it stays there for admins to read at /settings/outbox.
 */

/** Where mail goes, for the start-up line and the outbox page: never the SMTP password. */
export function mailDestination(): string {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) return "the outbox (no SMTP_URL set)";
  const server = new URL(SMTP_URL);
  return `SMTP server ${server.host}${server.protocol === "smtps:" ? " over TLS" : ""}, from ${MAIL_FROM}`;
}

/** Writes the messages to the outbox, in `db` when it is the caller's transaction; send them after it commits. */
export function queueMail(messages: readonly MailMessage[], now: Date, db?: Db): Promise<number[]> {
  return queueOutboxMessages(messages, now, db);
}

/**
 * Sends the outbox messages `ids` that are not sent yet, one by one, over one
 * connection; each is marked sent or keeps its error. Does nothing without SMTP_URL.
 */
export async function sendQueuedMail(ids: readonly number[]): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL || ids.length === 0) return;
  const messages = await findQueuedMessages(ids);
  const transport = nodemailer.createTransport(SMTP_URL, { from: MAIL_FROM });
  try {
    for (const message of messages) {
      try {
        await transport.sendMail({
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html ?? undefined,
        });
        await markOutboxSent(message.id, new Date());
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        console.error(`Email ${message.kind} #${message.id} not sent: ${reason}`);
        await markOutboxFailed(message.id, reason);
      }
    }
  } finally {
    transport.close();
  }
}

/** Queues and sends: for messages that aren't part of a transaction. */
export async function deliverMail(messages: readonly MailMessage[], now = new Date()): Promise<number[]> {
  const ids = await queueMail(messages, now);
  await sendQueuedMail(ids);
  return ids;
}
