import type { Metadata } from "next";
import { searchParamsFrom } from "@/components/data-table/table-page";
import { PageHeader } from "@/components/layout/page-header";
import { parseOutboxPage } from "@/components/outbox/outbox-search";
import { OutboxTable } from "@/components/outbox/outbox-table";
import { requireRole } from "@/lib/server/auth";
import { listOutbox } from "@/lib/server/db/outbox";
import { env } from "@/lib/server/env";
import { mailDestination } from "@/lib/server/notifications/mailer";

export const metadata: Metadata = { title: "Outbox" };

interface OutboxPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function OutboxPage({ searchParams }: OutboxPageProps) {
  await requireRole("admin");
  const tablePage = parseOutboxPage(searchParamsFrom(await searchParams));
  const { entries, total } = await listOutbox({
    limit: tablePage.size,
    offset: (tablePage.page - 1) * tablePage.size,
  });
  const timeZone = env().DEALERSHIP_TIME_ZONE;
  return (
    <>
      <PageHeader
        title="Outbox"
        description={`Every email the dashboard sends, newest first; mail goes to ${mailDestination()}. Times are in ${timeZone}.`}
      />
      <OutboxTable entries={entries} total={total} tablePage={tablePage} timeZone={timeZone} />
    </>
  );
}
