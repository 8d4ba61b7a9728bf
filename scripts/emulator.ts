/**
 * `npm run emulator [-- --seed demo]`: serves the Recapture API emulator over
 * HTTP on EMULATOR_PORT (default 4010), configured by EMULATOR_* variables.
 */
import { serve } from "@hono/node-server";
import { createEmulator, emulatorOptionsFromEnv } from "@/lib/emulator";

function seedFlag(args: string[]): "demo" | undefined {
  const index = args.findIndex((arg) => arg === "--seed" || arg.startsWith("--seed="));
  if (index < 0) return undefined;
  const value = args[index]?.includes("=") ? args[index]?.split("=")[1] : args[index + 1];
  if (value !== "demo") throw new Error(`--seed takes "demo" (got "${value ?? ""}")`);
  return value;
}

const options = emulatorOptionsFromEnv(process.env);
options.seed = seedFlag(process.argv.slice(2)) ?? options.seed;
const port = Number(process.env.EMULATOR_PORT || 4010);
if (!Number.isInteger(port) || port < 0 || port > 65_535)
  throw new Error(`EMULATOR_PORT must be a port number (got "${process.env.EMULATOR_PORT}")`);

const emulator = createEmulator(options);
const server = serve({ fetch: (request) => emulator.fetch(request), port }, (info) => {
  console.log(
    `Recapture API emulator on http://localhost:${info.port}/v2/recapture ` +
      `(${options.apiKeys.length} API key${options.apiKeys.length === 1 ? "" : "s"}, db ${options.db}, ` +
      `${options.processRate || "unthrottled"} customers/s, control endpoints ${options.control ? "on" : "off"}` +
      `${options.seed ? ", demo data" : ""})`,
  );
});

function shutDown() {
  emulator.close();
  server.close(() => process.exit(0));
}
process.on("SIGINT", shutDown);
process.on("SIGTERM", shutDown);
