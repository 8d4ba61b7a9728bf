import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { TrackUploadPrompt } from "@/components/uploads/track-upload-prompt";
import { uploadTitle } from "@/components/uploads/upload-display";
import { UploadProgress } from "@/components/uploads/upload-progress";
import { hasRole } from "@/lib/auth/roles";
import { uploadIdSchema } from "@/lib/recapture/schemas";
import { requireUser } from "@/lib/server/auth";
import { env } from "@/lib/server/env";
import { findRegisteredUpload } from "@/lib/server/uploads/register";

interface UploadPageProps {
  params: Promise<{ uploadId: string }>;
}

async function registeredUpload(params: UploadPageProps["params"]) {
  const { uploadId } = await params;
  if (!uploadIdSchema.safeParse(uploadId).success) notFound();
  return { uploadId, upload: await findRegisteredUpload(uploadId) };
}

export async function generateMetadata({ params }: UploadPageProps): Promise<Metadata> {
  const { upload } = await registeredUpload(params);
  return { title: upload ? uploadTitle(upload) : "Upload" };
}

export default async function UploadPage({ params }: UploadPageProps) {
  const user = await requireUser();
  const { uploadId, upload } = await registeredUpload(params);
  const canChange = hasRole(user.role, "staff");

  if (!upload) {
    return (
      <>
        <PageHeader title="Upload" />
        <TrackUploadPrompt uploadId={uploadId} canTrack={canChange} />
      </>
    );
  }
  return (
    <UploadProgress
      uploadId={uploadId}
      initialUpload={upload}
      canCancel={canChange}
      timeZone={env().DEALERSHIP_TIME_ZONE}
    />
  );
}
