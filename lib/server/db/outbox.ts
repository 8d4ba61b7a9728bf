import "server-only";
import type { MailKind, MailMessage } from "@/lib/notifications/mail-message";
import type { OutboxEntry, OutboxMessage } from "@/lib/notifications/outbox-entry";
import { database, type Db } from "./index";

/**
 * The outbox table (migrations/outbox.ts): every email the dashboard sends or,
 * without SMTP, would send. A message is written before it is sent, so a
 * crash mid-send leaves it visibly unsent rather than forgotten.
 */

/** The longest error kept: an SMTP server's answer, not a stack trace. */
const ERROR_MAX = 500;

/** Writes the messages as waiting (inside the caller's transaction when given one) and returns their ids in order. */
export async function queueOutboxMessages(
  messages: readonly MailMessage[],
  now: Date,
  db?: Db,
): Promise<number[]> {
  if (messages.length === 0) return [];
  const rows = await (db ?? (await database()))
    .insertInto("outbox")
    .values(
      messages.map((message) => ({
        recipient: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        kind: message.kind,
        created_at: now.toISOString(),
      })),
    )
    .returning("id")
    .execute();
  return rows.map(({ id }) => id);
}

export async function findQueuedMessages(
  ids: readonly number[],
): Promise<(OutboxMessage & { html: string | null })[]> {
  if (ids.length === 0) return [];
  const rows = await (
    await database()
  )
    .selectFrom("outbox")
    .selectAll()
    .where("id", "in", [...ids])
    .where("sent_at", "is", null)
    .orderBy("id")
    .execute();
  return rows.map((row) => ({ ...toEntry(row), text: row.text, html: row.html }));
}

export async function markOutboxSent(id: number, at: Date): Promise<void> {
  await (
    await database()
  )
    .updateTable("outbox")
    .set({ sent_at: at.toISOString(), error: null })
    .where("id", "=", id)
    .execute();
}

export async function markOutboxFailed(id: number, error: string): Promise<void> {
  const detail = error.length > ERROR_MAX ? `${error.slice(0, ERROR_MAX - 1)}…` : error;
  await (await database()).updateTable("outbox").set({ error: detail }).where("id", "=", id).execute();
}

/** One page of the outbox, newest first, with how many messages there are. */
export async function listOutbox(page: { limit: number; offset: number }): Promise<{
  entries: OutboxEntry[];
  total: number;
}> {
  const db = await database();
  const [rows, { count }] = await Promise.all([
    db
      .selectFrom("outbox")
      .select(["id", "recipient", "subject", "kind", "created_at", "sent_at", "error"])
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    db
      .selectFrom("outbox")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .executeTakeFirstOrThrow(),
  ]);
  return { entries: rows.map(toEntry), total: count };
}

/** One message whole, to read its text. */
export async function findOutboxMessage(id: number): Promise<OutboxMessage | undefined> {
  const row = await (
    await database()
  )
    .selectFrom("outbox")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row && { ...toEntry(row), text: row.text };
}

function toEntry(row: {
  id: number;
  recipient: string;
  subject: string;
  kind: MailKind;
  created_at: string;
  sent_at: string | null;
  error: string | null;
}): OutboxEntry {
  return {
    id: row.id,
    to: row.recipient,
    subject: row.subject,
    kind: row.kind,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    error: row.error,
  };
}
