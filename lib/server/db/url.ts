/**
 * Which database DATABASE_URL names: `file:<path>` (relative to the working
 * directory) or `:memory:` is SQLite; `postgres://…` or `postgresql://…` is
 * PostgreSQL. Messages name the variable and the host, never the password.
 */
export type DatabaseLocation =
  { engine: "sqlite"; filename: string } | { engine: "postgres"; connectionString: string; where: string };

export function parseDatabaseUrl(url: string): DatabaseLocation {
  if (url === ":memory:" || url === "file::memory:") return { engine: "sqlite", filename: ":memory:" };
  if (url.startsWith("file:")) {
    const path = url.slice("file:".length).replace(/^\/\/(?=\/)/, "");
    if (path === "") throw new Error("DATABASE_URL: `file:` needs a path, e.g. file:./data/dashboard.db");
    return { engine: "sqlite", filename: path };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(
        "DATABASE_URL: this PostgreSQL URL can't be read; expected postgres://user:password@host:5432/database",
      );
    }
    if (parsed.hostname === "" && !parsed.searchParams.has("host")) {
      throw new Error(
        "DATABASE_URL: the PostgreSQL URL needs a host, e.g. postgres://user:password@db.internal:5432/recapture",
      );
    }
    return { engine: "postgres", connectionString: url, where: postgresWhere(parsed) };
  }
  throw new Error(
    `DATABASE_URL: expected file:<path> (SQLite) or postgres://… (PostgreSQL), got "${withoutPassword(url)}"`,
  );
}

/** "host:port/database", for messages. */
function postgresWhere(url: URL): string {
  const host = url.hostname || url.searchParams.get("host") || "localhost";
  return `${host}:${url.port || "5432"}${url.pathname === "/" ? "" : url.pathname}`;
}

function withoutPassword(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@]*@/, "//$1:***@");
}
