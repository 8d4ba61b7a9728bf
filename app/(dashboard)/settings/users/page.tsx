import type { Metadata } from "next";
import { PageHeader } from "@/components/layout/page-header";
import { AddUserButton } from "@/components/users/add-user-button";
import { UsersTable } from "@/components/users/users-table";
import { requireRole } from "@/lib/server/auth";
import { listUsers } from "@/lib/server/db/users";
import { env } from "@/lib/server/env";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const admin = await requireRole("admin");
  return (
    <>
      <PageHeader
        title="Users"
        description="Who can sign in to the dashboard, and what each role may do."
        actions={<AddUserButton />}
      />
      <UsersTable
        initialUsers={await listUsers()}
        currentUserId={admin.id}
        timeZone={env().DEALERSHIP_TIME_ZONE}
      />
    </>
  );
}
