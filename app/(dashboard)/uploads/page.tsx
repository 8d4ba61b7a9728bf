import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { buttonStyles } from "@/components/ui/button-styles";
import { TrackUploadButton } from "@/components/uploads/track-upload-button";
import { UploadsRegister } from "@/components/uploads/uploads-register";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/server/auth";
import { env } from "@/lib/server/env";
import { listRegisteredUploads } from "@/lib/server/uploads/register";
import { registerPageQuerySchema } from "@/lib/uploads/register-schemas";

export const metadata: Metadata = { title: "Uploads" };

interface UploadsPageProps {
  searchParams: Promise<{ page?: string | string[]; size?: string | string[] }>;
}

export default async function UploadsPage({ searchParams }: UploadsPageProps) {
  const user = await requireUser();
  const { page: pageParam, size } = await searchParams;
  const query = registerPageQuerySchema.parse({ page: pageParam, pageSize: size });
  const canUpload = hasRole(user.role, "staff");
  const settings = env();

  return (
    <>
      <PageHeader
        title="Uploads"
        description="Every upload sent from this dashboard, or tracked by its id, newest first."
        actions={
          canUpload && (
            <>
              <TrackUploadButton defaultRegion={settings.RECAPTURE_REGION} />
              <Link href="/uploads/new" className={buttonStyles()}>
                New upload
              </Link>
            </>
          )
        }
      />
      <UploadsRegister
        timeZone={settings.DEALERSHIP_TIME_ZONE}
        canUpload={canUpload}
        initialPage={{ success: true, ...query, ...(await listRegisteredUploads(query)) }}
      />
    </>
  );
}
