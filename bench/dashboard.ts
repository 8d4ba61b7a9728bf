import { spawn, type ChildProcess } from "node:child_process";

/** A production build of the dashboard (`next start`) on a port of its own, for a benchmark. */
export interface RunningDashboard {
  baseUrl: string;
  stop(): void;
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`The dashboard exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not come up`);
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
