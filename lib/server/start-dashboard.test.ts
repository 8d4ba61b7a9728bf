import { afterEach, describe, expect, it, vi } from "vitest";

// Settings are read once per process, so each case loads the start-up afresh with its own.
async function startWith(variables: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
  const exit = vi.spyOn(process, "exit").mockImplementation(() => undefined as never);
  const error = vi.spyOn(console, "error").mockImplementation(() => {});
  const { startDashboard } = await import("./start-dashboard");
  await startDashboard();
  return { exit, said: error.mock.calls.map((call) => call.join(" ")).join("\n") };
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("startDashboard", () => {
  it("stops on a bad setting, naming it and where the accepted values are", async () => {
    const { exit, said } = await startWith({ RECAPTURE_REGION: "mars", DATABASE_URL: ":memory:" });
    expect(exit).toHaveBeenCalledWith(1);
    expect(said).toContain("Recapture Dashboard cannot start.");
    expect(said).toContain('RECAPTURE_REGION: must be one of au, nz, uk, my (got "mars")');
    expect(said).toContain("See .env.example for the accepted values.");
  });

  it("stops a live deployment without a session secret", async () => {
    const { exit, said } = await startWith({ RECAPTURE_API_KEY: "live-key", SESSION_SECRET: "" });
    expect(exit).toHaveBeenCalledWith(1);
    expect(said).toContain("SESSION_SECRET: required when RECAPTURE_API_KEY is set");
  });

  it("stops on a database it cannot open, with the reason and no stack trace", async () => {
    const { exit, said } = await startWith({ DATABASE_URL: "file:/dev/null/dashboard.db" });
    expect(exit).toHaveBeenCalledWith(1);
    expect(said).toContain(
      "Recapture Dashboard cannot start. EEXIST: file already exists, mkdir '/dev/null'",
    );
    expect(said).not.toContain("    at ");
  });

  it("stops when the PostgreSQL server can't be reached, naming the variable and host but not the password", async () => {
    const { exit, said } = await startWith({
      DATABASE_URL: "postgres://dash:s3cret-pw@127.0.0.1:1/recapture",
    });
    expect(exit).toHaveBeenCalledWith(1);
    expect(said).toContain(
      "Recapture Dashboard cannot start. DATABASE_URL: PostgreSQL at 127.0.0.1:1/recapture:",
    );
    expect(said).not.toContain("s3cret-pw");
    expect(said).not.toContain("    at ");
  });

  it("stops on a DATABASE_URL of another kind", async () => {
    const { exit, said } = await startWith({ DATABASE_URL: "mysql://root:pw@db/recapture" });
    expect(exit).toHaveBeenCalledWith(1);
    expect(said).toContain("DATABASE_URL: expected file:<path> (SQLite) or postgres://… (PostgreSQL)");
    expect(said).not.toContain(":pw@");
  });
});
