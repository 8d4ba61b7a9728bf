import type { NextRequest } from "next/server";
import { env, mode } from "@/lib/server/env";
import { embeddedEmulator } from "@/lib/server/recapture";

/**
 * The embedded emulator's control endpoints (faults, journal, reset, sightings now),
 * reachable only when EMULATOR_CONTROL=1 in emulator mode: a switch for tests and
 * demos, never for a live deployment. See lib/emulator/README.md for the endpoints.
 */
async function forward(request: NextRequest, { params }: { params: Promise<{ path: string[] }> }) {
  if (mode() !== "emulator" || env().EMULATOR_CONTROL !== "1") {
    return Response.json(
      { success: false, error: { code: "not_found", message: "Not found" } },
      { status: 404 },
    );
  }
  const { path } = await params;
  const target = new URL(`http://emulator.internal/__emulator/${path.map(encodeURIComponent).join("/")}`);
  target.search = request.nextUrl.search;
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.text();
  return embeddedEmulator().fetch(
    new Request(target, { method: request.method, body, headers: { "Content-Type": "application/json" } }),
  );
}

export { forward as GET, forward as POST, forward as PUT, forward as DELETE };
