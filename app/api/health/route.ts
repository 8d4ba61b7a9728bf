import { NextResponse } from "next/server";
import { mode } from "@/lib/server/env";
import packageJson from "@/package.json";

export const dynamic = "force-dynamic";

export function GET() {
  return NextResponse.json({ status: "ok", mode: mode(), version: packageJson.version });
}
