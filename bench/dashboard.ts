import { spawn } from "node:child_process";
import { waitFor } from "@/lib/testing/wait-for-server";

/** A production build of the dashboard (`next start`) on a port of its own, for a benchmark. */
export interface RunningDashboard {
  baseUrl: string;
  stop(): void;
}

/** Starts `next start` with `env` and resolves once /api/health answers. Needs `npm run build` first. */
export async function startDashboard(port: number, env: NodeJS.ProcessEnv): Promise<RunningDashboard> {
  const app = spawn("npx", ["next", "start", "-p", String(port)], {
    env: { ...env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
    detached: true,
  });
  const stop = () => {
    if (app.pid && app.exitCode === null) process.kill(-app.pid, "SIGTERM");
  };
  const baseUrl = `http://localhost:${port}`;
  try {
    await waitFor(`${baseUrl}/api/health`, app);
  } catch (error) {
    stop();
    throw error;
  }
  return { baseUrl, stop };
}

/** The Cookie header for the session a sign-in answer set. */
export function sessionCookie(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

/** Signs `account` in to a running dashboard and returns its Cookie header. */
export async function signInCookie(
  baseUrl: string,
  account: { email: string; password: string },
): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: baseUrl },
    body: JSON.stringify(account),
  });
  const cookie = sessionCookie(response);
  if (!response.ok || !cookie)
    throw new Error(`Signing in as ${account.email} failed with ${response.status}`);
  return cookie;
}
