import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonStyles } from "@/components/ui/button-styles";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime, formatQuantity } from "@/lib/format";
import { requireRole } from "@/lib/server/auth";
import { listAuditEntries } from "@/lib/server/db/audit-log";
import { env } from "@/lib/server/env";

export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 50;

interface AuditPageProps {
  searchParams: Promise<{ page?: string | string[] }>;
}

export default async function AuditPage({ searchParams }: AuditPageProps) {
  await requireRole("admin");
  const requested = Number((await searchParams).page);
  const page = Number.isInteger(requested) && requested > 0 ? requested : 1;
  const { entries, total } = listAuditEntries({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const timeZone = env().DEALERSHIP_TIME_ZONE;

  return (
    <>
      <PageHeader
        title="Audit log"
        description={`Who changed what, newest first. Times are in ${timeZone}.`}
      />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        {entries.length === 0 ? (
          <EmptyState
            title="Nothing recorded yet"
            description="Sign-ins, account changes, uploads and customer changes appear here."
          />
        ) : (
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Audit log entries</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3">
                  When
                </th>
                <th scope="col" className="px-4 py-3">
                  Who
                </th>
                <th scope="col" className="px-4 py-3">
                  Action
                </th>
                <th scope="col" className="px-4 py-3">
                  Target
                </th>
                <th scope="col" className="px-4 py-3">
                  Outcome
                </th>
                <th scope="col" className="px-4 py-3">
                  Detail
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="px-4 py-2.5 whitespace-nowrap tabular-nums">
                    {formatDateTime(entry.at, timeZone)}
                  </td>
                  <td className="px-4 py-2.5">
                    {entry.userEmail ?? <span className="text-slate-500">signed out</span>}
                  </td>
                  <td className="px-4 py-2.5 font-mono text-xs">{entry.action}</td>
                  <td className="px-4 py-2.5 break-all">{entry.target}</td>
                  <td className="px-4 py-2.5">
                    <Badge tone={entry.outcome === "success" ? "success" : "danger"}>
                      {entry.outcome === "success" ? "Success" : "Failure"}
                    </Badge>
                  </td>
                  <td className="px-4 py-2.5 text-slate-600">
                    {entry.repeats > 1
                      ? `${formatQuantity(entry.repeats, "attempt")}; latest: ${entry.detail}`
                      : entry.detail}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <nav
        aria-label="Audit log pages"
        className="mt-4 flex items-center justify-between text-sm text-slate-600"
      >
        <p>
          Page {page} of {pages} · {formatQuantity(total, "entry", "entries")}
        </p>
        <div className="flex gap-2">
          {page > 1 && (
            <Link
              href={`/settings/audit?page=${page - 1}`}
              className={buttonStyles({ variant: "secondary", size: "sm" })}
            >
              Newer
            </Link>
          )}
          {page < pages && (
            <Link
              href={`/settings/audit?page=${page + 1}`}
              className={buttonStyles({ variant: "secondary", size: "sm" })}
            >
              Older
            </Link>
          )}
        </div>
      </nav>
    </>
  );
}
