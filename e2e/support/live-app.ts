import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addAccount } from "@/lib/testing/add-account";
import { waitFor } from "@/lib/testing/wait-for-server";

/**
 * A second dashboard in live mode (RECAPTURE_API_KEY set), talking over HTTP to the
 * emulator served by `npm run emulator`: what a real deployment looks like, for the
 * tests that the embedded mode cannot show (no demo accounts, the key never leaks,
 * another dealership's customers).
 */
export interface LiveApp {
  baseURL: string;
  emulatorURL: string;
  apiKey: string;
  /** A second dealership account on the same emulator. */
  otherApiKey: string;
  admin: { email: string; password: string };
  stop(): Promise<void>;
}

const processes = (children: ChildProcess[]) =>
  children.filter((child) => child.exitCode === null && child.pid);

export async function startLiveApp({
  port,
  emulatorPort,
}: {
  port: number;
  emulatorPort: number;
}): Promise<LiveApp> {
  const dataDir = mkdtempSync(join(tmpdir(), "live-app-"));
  const suffix = Math.random().toString(36).slice(2);
  const apiKey = `live-key-${suffix}-do-not-leak`;
  const otherApiKey = `other-dealer-${suffix}`;
  const admin = { email: "owner@dealership.example", password: "correct-horse-battery" };
  const emulatorURL = `http://127.0.0.1:${emulatorPort}`;
  const baseURL = `http://localhost:${port}`;

  const common = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  const emulator = spawn("npx", ["tsx", "scripts/emulator.ts", "--seed", "demo"], {
    env: {
      ...common,
      EMULATOR_PORT: String(emulatorPort),
      EMULATOR_API_KEYS: `${apiKey},${otherApiKey}`,
      EMULATOR_DB: ":memory:",
      EMULATOR_CONTROL: "1",
      EMULATOR_PROCESS_RATE: "0",
      EMULATOR_RATE_LIMIT: "1000000",
    },
    stdio: "ignore",
    detached: true,
  });
  const appEnv = {
    ...common,
    RECAPTURE_API_URL: emulatorURL,
    RECAPTURE_API_KEY: apiKey,
    DATABASE_URL: `file:${join(dataDir, "dashboard.db")}`,
    SESSION_SECRET: "live-e2e-session-secret-long-enough-0000",
  };
  addAccount(appEnv, { ...admin, role: "admin" });
  const app = spawn("npx", ["next", "start", "-p", String(port)], {
    env: appEnv,
    stdio: "ignore",
    detached: true,
  });

  const stop = async () => {
    for (const child of processes([app, emulator])) process.kill(-child.pid!, "SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitFor(`${emulatorURL}/__emulator`, emulator);
    await waitFor(`${baseURL}/api/health`, app);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseURL, emulatorURL, apiKey, otherApiKey, admin, stop };
}
