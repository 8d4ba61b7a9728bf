import { NextRequest } from "next/server";
import { beforeEach, expect, it, vi } from "vitest";
import { SESSION_COOKIE, sealSessionToken } from "@/lib/server/auth/cookie";
import { createSession } from "@/lib/server/auth/sessions";
import { insertUser } from "@/lib/server/db/users";
import { forgetSettings } from "@/lib/server/env";
import { describeEachEngine } from "@/lib/testing/database-engines";
import { POST } from "./route";

const ORIGIN = "http://localhost:3000";
let cookies: Record<"admin" | "staff", string>;

function settings(values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) vi.stubEnv(name, value);
  forgetSettings();
}

function drive(at: string, cookie: string) {
  const request = new NextRequest(`${ORIGIN}/api/test-hooks/digest?at=${encodeURIComponent(at)}`, {
    method: "POST",
    headers: { host: "localhost:3000", origin: ORIGIN, cookie },
  });
  return POST(request, { params: Promise.resolve({}) });
}

describeEachEngine("the digest's test hook", () => {
  beforeEach(async () => {
    settings({
      RECAPTURE_API_KEY: "",
      EMULATOR_CONTROL: "1",
      SMTP_URL: "",
      DEALERSHIP_TIME_ZONE: "Australia/Melbourne",
    });
    const cookieFor = async (role: "admin" | "staff") => {
      const user = (await insertUser({ email: `${role}@dealer.test`, name: null, role, passwordHash: "x" }))!;
      return `${SESSION_COOKIE}=${await sealSessionToken(await createSession(user.id))}`;
    };
    cookies = { admin: await cookieFor("admin"), staff: await cookieFor("staff") };
  });

  it("runs the digest at the time given, for an admin on the emulator with its controls on", async () => {
    const before = await drive("2026-12-04T07:59:00+11:00", cookies.admin);
    expect(await before.json()).toEqual({ outcome: "not-due" });
    const due = await drive("2026-12-04T08:00:00+11:00", cookies.admin);
    expect(due.status).toBe(200);
    expect(await due.json()).toEqual({ outcome: "nothing-new", day: "2026-12-04" });
    expect((await drive("tomorrow", cookies.admin)).status).toBe(422);
    expect((await drive("2026-12-04T08:00:00+11:00", cookies.staff)).status).toBe(403);
  });

  it("is not there without the emulator's controls, nor in live mode", async () => {
    settings({ EMULATOR_CONTROL: "0" });
    expect((await drive("2026-12-04T08:00:00+11:00", cookies.admin)).status).toBe(404);
    settings({
      EMULATOR_CONTROL: "1",
      RECAPTURE_API_KEY: "live-key",
      SESSION_SECRET: "a-session-secret-of-at-least-32-characters",
    });
    expect((await drive("2026-12-04T08:00:00+11:00", cookies.admin)).status).toBe(404);
  });
});
