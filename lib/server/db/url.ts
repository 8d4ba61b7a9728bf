/**
 * Where the local database lives, from DATABASE_URL: `file:<path>` (relative to
 * the working directory) or `:memory:`. A PostgreSQL URL is recognised so the
 * error can say what is missing rather than create a file called "postgres:…".
 */
export function databaseFilename(url: string): string {
  if (url === ":memory:" || url === "file::memory:") return ":memory:";
  if (url.startsWith("file:")) {
    const path = url.slice("file:".length).replace(/^\/\/(?=\/)/, "");
    if (path === "") throw new Error("DATABASE_URL: `file:` needs a path, e.g. file:./data/dashboard.db");
    return path;
  }
  if (/^postgres(ql)?:/.test(url)) {
    throw new Error(
      "DATABASE_URL: PostgreSQL is not supported yet; use a file: URL such as file:./data/dashboard.db",
    );
  }
  throw new Error(`DATABASE_URL: expected file:<path> or :memory:, got "${url}"`);
}
