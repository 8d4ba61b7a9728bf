import type { Metadata } from "next";
import { PageHeader } from "@/components/layout/page-header";
import { EmailNotificationsSwitch } from "@/components/notifications/email-notifications-switch";
import { Card } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/server/auth";
import { findUserPreference } from "@/lib/server/db/user-preferences";
import { env } from "@/lib/server/env";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const user = await requireUser();
  const emailLeads = await findUserPreference(user.id, "email:leads");
  const digest = hasRole(user.role, "manager")
    ? ` and, every morning at ${env().DIGEST_TIME}, a digest of the new leads and price drops`
    : "";
  return (
    <>
      <PageHeader title="Notifications" description={`Emails sent to ${user.email}.`} />
      <Card title="Leads">
        <EmailNotificationsSwitch
          initial={emailLeads}
          description={`An email when a lead is assigned to you, when a lead of yours drops in price${digest}.`}
        />
      </Card>
    </>
  );
}
