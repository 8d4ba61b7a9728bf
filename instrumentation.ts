// Runs once when the server starts, before it takes requests. NEXT_RUNTIME is
// Next's own switch, inlined at build time so the Edge bundle leaves out the
// Node-only start-up; the dashboard's settings are read in lib/server/env.ts.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startDashboard } = await import("@/lib/server/start-dashboard");
    await startDashboard();
  }
}
