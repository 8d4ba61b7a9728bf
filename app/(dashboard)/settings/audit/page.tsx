import type { Metadata } from "next";
import { AuditLogTable } from "@/components/audit/audit-log-table";
import { parseAuditLogPage } from "@/components/audit/audit-log-search";
import { searchParamsFrom } from "@/components/data-table/table-page";
import { PageHeader } from "@/components/layout/page-header";
import { requireRole } from "@/lib/server/auth";
import { listAuditEntries } from "@/lib/server/db/audit-log";
import { env } from "@/lib/server/env";

export const metadata: Metadata = { title: "Audit log" };

interface AuditPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function AuditPage({ searchParams }: AuditPageProps) {
  await requireRole("admin");
  const tablePage = parseAuditLogPage(searchParamsFrom(await searchParams));
  const { entries, total } = await listAuditEntries({
    limit: tablePage.size,
    offset: (tablePage.page - 1) * tablePage.size,
  });
  const timeZone = env().DEALERSHIP_TIME_ZONE;

  return (
    <>
      <PageHeader
        title="Audit log"
        description={`Who changed what, newest first. Times are in ${timeZone}.`}
      />
      <AuditLogTable entries={entries} total={total} tablePage={tablePage} timeZone={timeZone} />
    </>
  );
}
