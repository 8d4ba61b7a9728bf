import { isRecaptureError } from "@/lib/recapture/errors";
import { env } from "@/lib/server/env";
import { audited } from "@/lib/server/audit";
import { HttpError, readJson, route } from "@/lib/server/http";
import { recapture } from "@/lib/server/recapture";
import { recordUpload } from "@/lib/server/uploads/register";
import { trackUploadRequestSchema } from "@/lib/uploads/register-schemas";

/** Adds an upload made elsewhere (another tool, the API directly) to the register, once the API confirms it exists. */
export const POST = route({ role: "staff" }, async ({ request, user }) => {
  const { uploadId, region = env().RECAPTURE_REGION } = await readJson(request, trackUploadRequestSchema);
  const upload = await audited(user, "upload.track", uploadId, async () => {
    try {
      return (await recapture().getUpload(uploadId, { region })).upload;
    } catch (error) {
      if (isRecaptureError(error) && error.status === 404) {
        throw new HttpError(
          404,
          "not_found",
          `The Recapture API has no upload with that id in the ${region.toUpperCase()} region.`,
          {
            uploadId: "No upload with this id",
          },
        );
      }
      throw error;
    }
  });
  return Response.json(
    { success: true, upload: await recordUpload(upload, { region, user, source: "tracked" }) },
    { status: 201 },
  );
});
