import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { UploadWizard } from "@/components/upload-wizard/upload-wizard";
import { DEFAULT_MAX_FILE_BYTES } from "@/lib/csv";
import { requireRole } from "@/lib/server/auth";
import { env } from "@/lib/server/env";

export const metadata: Metadata = { title: "New upload" };

export default async function NewUploadPage() {
  await requireRole("staff");
  const settings = env();
  return (
    <div className="flex flex-col gap-3">
      <Link href="/uploads" className="text-sm font-medium text-brand-700 hover:underline">
        ← Back to uploads
      </Link>
      <PageHeader
        title="New upload"
        description="Send a list of past customers for Recapture to watch, straight from your dealer system's export."
      />
      <UploadWizard
        region={settings.RECAPTURE_REGION}
        maxCustomersPerUpload={settings.RECAPTURE_MAX_UPLOAD_CUSTOMERS}
        maxFileBytes={DEFAULT_MAX_FILE_BYTES}
        timeZone={settings.DEALERSHIP_TIME_ZONE}
      />
    </div>
  );
}
