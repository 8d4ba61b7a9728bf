import { z } from "zod";
import { env, mode } from "@/lib/server/env";
import { errorResponse, HttpError, route } from "@/lib/server/http";
import { sendDueDigest } from "@/lib/server/notifications/lead-digest";

const atSchema = z.iso.datetime({ offset: true });

/**
 * Runs the managers' digest as if the clock read `?at=` (an ISO time), for
 * tests and demos: only on the embedded emulator with EMULATOR_CONTROL=1, like
 * the emulator's own controls, and only for admins. Answers what happened
 * (not due, already sent that day, nothing new, sent).
 */
export const POST = route({ role: "admin" }, async ({ request }) => {
  if (mode() !== "emulator" || env().EMULATOR_CONTROL !== "1")
    return errorResponse(404, "not_found", "Not found");
  const at = atSchema.safeParse(request.nextUrl.searchParams.get("at") ?? new Date().toISOString());
  if (!at.success)
    throw new HttpError(
      422,
      "invalid_time",
      "`at` must be an ISO 8601 time, e.g. 2026-12-03T08:00:00+11:00.",
    );
  return Response.json(await sendDueDigest(new Date(at.data)));
});
