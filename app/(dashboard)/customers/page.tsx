import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { CustomerIndexStatus } from "@/components/customers/customer-index-status";
import { CustomersTable } from "@/components/customers/customers-table";
import { PageHeader } from "@/components/layout/page-header";
import { buttonStyles } from "@/components/ui/button-styles";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/server/auth";
import { customerIndexStatus } from "@/lib/server/customer-index/index-status";
import { findUserPreference } from "@/lib/server/db/user-preferences";
import { env } from "@/lib/server/env";

export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage() {
  const user = await requireUser();
  const canEdit = hasRole(user.role, "staff");
  const indexStatus = await customerIndexStatus(env().RECAPTURE_REGION);
  return (
    <>
      <PageHeader
        title="Customers"
        description="Past customers whose cars Recapture watches for sale. Open a row to see where the car was listed."
        actions={
          canEdit && (
            <Link href="/customers/new" className={buttonStyles()}>
              Add customer
            </Link>
          )
        }
      />
      <CustomerIndexStatus
        initialStatus={indexStatus}
        timeZone={env().DEALERSHIP_TIME_ZONE}
        canSync={hasRole(user.role, "admin")}
      />
      {/* The table reads its page from the URL on the client. */}
      <Suspense>
        <CustomersTable
          timeZone={env().DEALERSHIP_TIME_ZONE}
          canCreate={canEdit}
          savedColumns={await findUserPreference(user.id, "customers-table:columns")}
          initialIndexStatus={indexStatus}
        />
      </Suspense>
    </>
  );
}
