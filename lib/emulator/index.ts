import { createApp } from "./app";
import { createContext } from "./context";
import { loadDemoData } from "./demo-data";
import type { EmulatorOptions } from "./options";
import { openStore } from "./store";

/**
 * The Recapture API emulator: a fetch handler (Request → Response) that the
 * app mounts in-process and `npm run emulator` serves over HTTP. Creating one
 * opens its database and resumes any queued uploads; nothing happens on import.
 */

export { emulatorOptionsFromEnv, type EmulatorOptions } from "./options";
export type { FaultSettings } from "./faults";

/** Where `seed: "demo"` loads the demo dealership's uploads and customers. */
export const DEMO_REGION = "au";

export interface Emulator {
  fetch(request: Request): Promise<Response>;
  /**
   * The uploads this start loaded as demo data (`seed: "demo"` on an empty database),
   * for a host to show as history; empty when the data was already there.
   */
  readonly demoUploadIds: readonly string[];
  /** Stops background processing, releases hanging requests and closes the database. */
  close(): void;
}

export function createEmulator(options: EmulatorOptions): Emulator {
  const store = openStore(options.db);
  const ctx = createContext(options, store);
  const demoAccount = ctx.accounts.first();
  const demoUploadIds =
    options.seed === "demo" && demoAccount && !store.hasData(demoAccount, DEMO_REGION)
      ? loadDemoData(store, { account: demoAccount, region: DEMO_REGION, now: ctx.now() }).uploadIds
      : [];
  ctx.processor.wake();
  const app = createApp(ctx);
  let closed = false;

  return {
    demoUploadIds,
    async fetch(request) {
      if (closed)
        return Response.json({ success: false, message: "The emulator has been closed" }, { status: 503 });
      return app.fetch(request);
    },
    close() {
      if (closed) return;
      closed = true;
      ctx.processor.close();
      ctx.faults.releaseHangs();
      store.close();
    },
  };
}
