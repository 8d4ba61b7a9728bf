import { env, mode } from "@/lib/server/env";
import { errorResponse, publicRoute } from "@/lib/server/http";
import { embeddedEmulator } from "@/lib/server/recapture";

/**
 * The embedded emulator's control endpoints (faults, journal, reset, sightings now),
 * reachable only when EMULATOR_CONTROL=1 in emulator mode: a switch for tests and
 * demos, never for a live deployment. See lib/emulator/README.md for the endpoints.
 * Writes must come from the dashboard's own origin with a JSON body, like every
 * other route; the emulator's control perimeter then limits the body's size.
 */
const forward = publicRoute<{ path: string[] }>(async ({ request, params }) => {
  if (mode() !== "emulator" || env().EMULATOR_CONTROL !== "1")
    return errorResponse(404, "not_found", "Not found");
  const target = new URL(
    `http://emulator.internal/__emulator/${params.path.map(encodeURIComponent).join("/")}`,
  );
  target.search = request.nextUrl.search;
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  const headers = new Headers();
  for (const name of ["content-type", "content-length"]) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  // The body is streamed on, not read here, so the emulator's size limit stops an oversize one early.
  // (A streamed body needs `duplex`, which TypeScript's DOM types don't know yet.)
  const init: RequestInit & { duplex: "half" } = {
    method: request.method,
    headers,
    body: hasBody ? request.body : undefined,
    duplex: "half",
  };
  return embeddedEmulator().fetch(new Request(target, init));
});

export { forward as GET, forward as POST, forward as PUT, forward as DELETE };
