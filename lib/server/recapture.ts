import "server-only";
import { createEmulator, type Emulator } from "@/lib/emulator";
import { createRecaptureClient, type RecaptureClient } from "@/lib/server/recapture-client";
import { embeddedEmulatorOptions, env, mode } from "@/lib/server/env";
import { shareReads } from "@/lib/server/recapture-reads";
import { upstreamFetch } from "@/lib/server/upstream-fetch";

/**
 * The one place that decides where Recapture calls go: the live API when a key
 * is configured, else the emulator running inside this server process.
 */

// Kept on globalThis so dev-server reloads reuse one emulator (one SQLite handle, one processing loop).
const holder = globalThis as typeof globalThis & {
  recaptureEmulator?: Emulator;
  recaptureClient?: RecaptureClient;
};

/** The in-process emulator of the embedded mode, loaded with demo data on first start. */
export function embeddedEmulator(): Emulator {
  holder.recaptureEmulator ??= createEmulator(embeddedEmulatorOptions(env()));
  return holder.recaptureEmulator;
}

export function recapture(): RecaptureClient {
  holder.recaptureClient ??= createClient();
  return holder.recaptureClient;
}

function createClient(): RecaptureClient {
  const settings = env();
  const common = { timeoutMs: settings.RECAPTURE_TIMEOUT_MS, region: settings.RECAPTURE_REGION };
  const reads = { reuseMs: settings.RECAPTURE_READ_REUSE_MS };
  if (mode() === "live") {
    return createRecaptureClient({
      ...common,
      baseUrl: settings.RECAPTURE_API_URL,
      apiKey: settings.RECAPTURE_API_KEY!,
      fetch: shareReads(upstreamFetch, reads),
    });
  }
  const emulator = embeddedEmulator();
  const [apiKey] = settings.EMULATOR_API_KEYS;
  return createRecaptureClient({
    ...common,
    baseUrl: "http://emulator.internal",
    apiKey: apiKey!,
    fetch: shareReads((request) => emulator.fetch(request), reads),
  });
}
