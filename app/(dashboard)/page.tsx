import type { Metadata } from "next";
import { PageHeader } from "@/components/layout/page-header";
import { LeadsOverview } from "@/components/overview/leads-overview";
import { requireUser } from "@/lib/server/auth";
import { env } from "@/lib/server/env";

export const metadata: Metadata = { title: "Overview" };

/** Where people land after signing in: how the leads are going. */
export default async function OverviewPage() {
  await requireUser();
  return (
    <>
      <PageHeader
        title="Overview"
        description={`How the leads are going: past customers' cars listed for sale, and how they're being worked. Weeks begin on Monday, in ${env().DEALERSHIP_TIME_ZONE} time.`}
      />
      <LeadsOverview />
    </>
  );
}
