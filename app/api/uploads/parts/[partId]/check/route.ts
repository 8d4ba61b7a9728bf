import { audit } from "@/lib/server/audit";
import { pathId, route } from "@/lib/server/http";
import { recapture } from "@/lib/server/recapture";
import { checkSentPart } from "@/lib/server/uploads/part-check";
import { findSentPart } from "@/lib/server/uploads/sent-parts";
import { partIdSchema } from "@/lib/uploads/register-schemas";

type Params = { partId: string };

/**
 * Looks upstream for a part that isn't confirmed and records what was found
 * (see part-check.ts). What a check concludes is audited, for whoever later asks
 * why a part was, or wasn't, sent again; the wizard's repeated "can't tell yet"
 * checks are not.
 */
export const POST = route<Params>({ role: "staff" }, async ({ params, user }) => {
  const partId = pathId(partIdSchema, params.partId, "part");
  const entry = { user, action: "upload.part_check", target: partId };
  const before = (await findSentPart(partId))?.state;
  try {
    const part = await checkSentPart(recapture(), partId);
    if (part.state !== before) {
      await audit({
        ...entry,
        outcome: "success",
        detail: [part.state, part.finding].filter(Boolean).join(": "),
      });
    }
    return Response.json({ success: true, part });
  } catch (error) {
    await audit({ ...entry, outcome: "failure", detail: error instanceof Error ? error.message : undefined });
    throw error;
  }
});
