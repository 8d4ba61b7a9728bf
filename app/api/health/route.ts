import { NextResponse, type NextRequest } from "next/server";
import { userFromRequest } from "@/lib/server/auth";
import { mode } from "@/lib/server/env";
import packageJson from "@/package.json";

export const dynamic = "force-dynamic";

/** Open to load balancers and uptime checks; the version, which tells an attacker what to try, only to staff. */
export async function GET(request: NextRequest) {
  const signedIn = (await userFromRequest(request)) !== undefined;
  return NextResponse.json({
    status: "ok",
    mode: mode(),
    ...(signedIn && { version: packageJson.version }),
  });
}
