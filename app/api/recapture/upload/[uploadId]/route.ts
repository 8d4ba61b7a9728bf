import { uploadIdSchema } from "@/lib/recapture/schemas";
import { pathId, requestRegion, route } from "@/lib/server/http";
import { audited } from "@/lib/server/audit";
import { recapture } from "@/lib/server/recapture";
import { recordCancellation, recordProgress } from "@/lib/server/uploads/register";

type Params = { uploadId: string };

export const GET = route<Params>({ role: "viewer", proxied: true }, async ({ request, params }) => {
  const uploadId = pathId(uploadIdSchema, params.uploadId, "upload");
  const result = await recapture().getUpload(uploadId, { region: requestRegion(request) });
  await recordProgress(result.upload);
  return Response.json(result);
});

export const DELETE = route<Params>({ role: "staff", proxied: true }, async ({ request, params, user }) => {
  const uploadId = pathId(uploadIdSchema, params.uploadId, "upload");
  const region = requestRegion(request);
  const result = await audited(user, "upload.cancel", uploadId, () =>
    recapture().cancelUpload(uploadId, { region }),
  );
  await recordCancellation(result.upload, user);
  return Response.json(result);
});
