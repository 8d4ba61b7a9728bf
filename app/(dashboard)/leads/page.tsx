import type { Metadata } from "next";
import { Suspense } from "react";
import { LeadsInbox } from "@/components/leads/leads-inbox";
import { PageHeader } from "@/components/layout/page-header";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/server/auth";
import { listUsers } from "@/lib/server/db/users";
import { env } from "@/lib/server/env";

export const metadata: Metadata = { title: "Leads" };

export default async function LeadsPage() {
  const user = await requireUser();
  // Leads are worked by staff and up: the people the assignee filter offers.
  const people = (await listUsers())
    .filter((user) => !user.disabled && hasRole(user.role, "staff"))
    .map((user) => ({ id: user.id, name: user.name ?? user.email }));
  return (
    <>
      <PageHeader
        title="Leads"
        description="Past customers' cars seen for sale, newest first. The first to call usually wins."
      />
      {/* The inbox reads its question from the URL on the client. */}
      <Suspense>
        <LeadsInbox
          timeZone={env().DEALERSHIP_TIME_ZONE}
          people={people}
          canWork={hasRole(user.role, "staff")}
          canAssign={hasRole(user.role, "manager")}
        />
      </Suspense>
    </>
  );
}
