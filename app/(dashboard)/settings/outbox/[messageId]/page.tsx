import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { OutboxStateBadge } from "@/components/outbox/outbox-state-badge";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import { MAIL_KIND_LABELS } from "@/lib/notifications/mail-message";
import { requireRole } from "@/lib/server/auth";
import { findOutboxMessage } from "@/lib/server/db/outbox";
import { env } from "@/lib/server/env";

export const metadata: Metadata = { title: "Email" };

interface OutboxMessagePageProps {
  params: Promise<{ messageId: string }>;
}

/** One email as it was (or would be) sent: its text body, shown as text. */
export default async function OutboxMessagePage({ params }: OutboxMessagePageProps) {
  await requireRole("admin");
  const { messageId } = await params;
  const id = /^\d{1,15}$/.test(messageId) ? Number(messageId) : NaN;
  const message = Number.isSafeInteger(id) ? await findOutboxMessage(id) : undefined;
  if (!message) notFound();
  const timeZone = env().DEALERSHIP_TIME_ZONE;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/settings/outbox" className="text-brand-700 underline-offset-2 hover:underline">
          ← Outbox
        </Link>
      </p>
      <PageHeader title={message.subject} />
      <Card title="Email" aside={<OutboxStateBadge entry={message} />}>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="font-medium text-slate-600">To</dt>
          <dd className="wrap-anywhere">{message.to}</dd>
          <dt className="font-medium text-slate-600">Kind</dt>
          <dd>{MAIL_KIND_LABELS[message.kind] ?? message.kind}</dd>
          <dt className="font-medium text-slate-600">Written</dt>
          <dd className="tabular-nums">{formatDateTime(message.createdAt, timeZone)}</dd>
          {message.sentAt && (
            <>
              <dt className="font-medium text-slate-600">Sent</dt>
              <dd className="tabular-nums">{formatDateTime(message.sentAt, timeZone)}</dd>
            </>
          )}
          {message.error && (
            <>
              <dt className="font-medium text-slate-600">Error</dt>
              <dd className="text-red-800">{message.error}</dd>
            </>
          )}
        </dl>
        <pre
          aria-label="Message text"
          tabIndex={0}
          className="mt-4 overflow-x-auto whitespace-pre-wrap wrap-anywhere rounded-md bg-slate-50 p-4 font-sans text-sm text-slate-800"
        >
          {message.text}
        </pre>
      </Card>
    </>
  );
}
