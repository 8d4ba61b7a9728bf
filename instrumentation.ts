// Runs once when the server starts, before it takes requests.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkConfigurationOrExit } = await import("@/lib/server/startup");
    checkConfigurationOrExit();
    const { watchClientAddresses } = await import("@/lib/server/http/client-address");
    watchClientAddresses();
    const { prepareAccounts } = await import("@/lib/server/auth/startup");
    await prepareAccounts();
  }
}
