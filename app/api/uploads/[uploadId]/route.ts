import { uploadIdSchema } from "@/lib/recapture/schemas";
import { HttpError, pathId, route } from "@/lib/server/http";
import { findRegisteredUpload } from "@/lib/server/uploads/register";

type Params = { uploadId: string };

/** The register line holding this upload: every part of its file, with who sent it and who cancelled. */
export const GET = route<Params>({ role: "viewer" }, async ({ params }) => {
  const upload = await findRegisteredUpload(pathId(uploadIdSchema, params.uploadId, "upload"));
  if (!upload)
    throw new HttpError(
      404,
      "not_registered",
      "This upload isn't in the register. Track it by its id to follow it here.",
    );
  return Response.json({ success: true, upload });
});
