import { HttpError, pathId, route } from "@/lib/server/http";
import { findSentPart } from "@/lib/server/uploads/sent-parts";
import { partIdSchema } from "@/lib/uploads/register-schemas";

type Params = { partId: string };

/** Where a part the dashboard sent stands: what the wizard asks after a failure left its fate open. */
export const GET = route<Params>({ role: "viewer" }, async ({ params }) => {
  const part = await findSentPart(pathId(partIdSchema, params.partId, "part"));
  if (!part) {
    throw new HttpError(404, "unknown_part", "The dashboard has no record of this part: it was never sent.");
  }
  return Response.json({ success: true, part });
});
